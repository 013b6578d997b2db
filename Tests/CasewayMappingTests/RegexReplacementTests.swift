import Testing
@testable import CasewayMapping

struct RegexReplacementTests {
    @Test func replacesEveryMatchWithGroups() throws {
        let phone = try RegexReplacement(pattern: #"^\+44\s?(\d{4})\s?(\d{6})$"#, template: "0$1 $2")
        #expect(phone.apply("+441632960733") == "01632 960733")
        #expect(phone.apply("01632 960733") == "01632 960733")
        let spaces = try RegexReplacement(pattern: #"\s+"#, template: " ")
        #expect(spaces.apply("Recycling box missed.\r\nCrew left  a tag") == "Recycling box missed. Crew left a tag")
    }

    @Test func namedGroupsDollarsAndTheWholeMatch() throws {
        let swap = try RegexReplacement(pattern: #"(?<area>[A-Z]{1,2})(?<district>\d+)"#, template: "${district}${area}")
        #expect(swap.apply("KV12") == "12KV")
        let price = try RegexReplacement(pattern: #"£(\d+)"#, template: "$$$1 ($0)")
        #expect(price.apply("paid £25") == "paid $25 (£25)")
    }

    @Test func caseInsensitiveByInlineOption() throws {
        let words = try RegexReplacement(pattern: "(?i)not presented", template: "NP")
        #expect(words.apply("Not Presented, not presented") == "NP, NP")
        #expect(words.matches("NOT PRESENTED"))
        #expect(!words.matches("presented"))
    }

    @Test func groupThatDidNotTakePartIsEmpty() throws {
        let optional = try RegexReplacement(pattern: "a(b)?c", template: "[$1]")
        #expect(optional.apply("ac abc") == "[] [b]")
    }

    @Test func invalidPatternIsAClearError() {
        let error = #expect(throws: TransformError.self) { try RegexReplacement(pattern: "(unclosed", template: "") }
        #expect(error?.kind == .invalidPattern)
        #expect(error?.description.hasPrefix(#""(unclosed" is not a regular expression ("#) == true)
    }

    @Test(arguments: [
        ("$", "it ends with $"),
        ("$x", "$ must be followed by a group number"),
        ("${unclosed", "${ is not closed"),
        ("${a-b}", "is not a group name"),
        ("$2", "has 1 group"),
        ("${missing}", "does not have"),
    ])
    func invalidTemplateIsAClearError(_ template: String, _ detail: String) {
        let error = #expect(throws: TransformError.self) { try RegexReplacement(pattern: "(a)", template: template) }
        #expect(error?.kind == .invalidPattern)
        #expect(error?.description.contains(detail) == true, "\(error?.description ?? "no error")")
    }

    @Test func groupsAreCountedEvenInExtendedModeWithAComment() throws {
        let commented = try RegexReplacement(pattern: "(?x) (a) (b) # two groups", template: "$2$1")
        #expect(commented.apply("ab") == "ba")
        #expect(throws: TransformError.self) { try RegexReplacement(pattern: "(?x) (a) # one group", template: "$2") }
    }

    @Test func oneCompiledReplacementIsSharedAcrossTasks() async throws {
        let replacement = try RegexReplacement(pattern: #"(\d+)"#, template: "<$1>")
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask { replacement.apply("case \(index) of 64") == "case <\(index)> of <64>" }
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 })
    }
}
