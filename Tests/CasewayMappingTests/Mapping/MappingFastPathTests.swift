import Foundation
import Testing
@_spi(Fuzzing) @testable import CasewayMapping

/// The fast path (`JSONTape` for JSON input) must give exactly
/// what the tree parser and libxml2 give: the same bytes out, the same problems, the same input errors.
struct MappingFastPathTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Paths of every kind the tape answers (target: source), into JSON and XML output.
    static let plainPaths: KeyValuePairs = [
        "id": "$.id", "first": "$.list[0]", "last": "$.list[-1]", "beyond": "$.list[9]", "names": "$.people[*].name",
        "values": "$.obj[*]", "odd": "$['odd key']", "nested": "$.a.b.c", "escaped": "$.escaped", "number": "$.n",
        "flag": "$.flag", "nothing": "$.none",
    ]
    /// Counted without making the values (see `MappingValue.count`).
    static let countedPaths: KeyValuePairs = [
        "people_count": "$.people", "obj_count": "$.obj", "missing_count": "$.absent", "null_count": "$.none", "scalar_count": "$.id",
    ]
    static let pathFields = plainPaths.map { #"{ target: "\#($0.key)", source: "\#($0.value)" },"# }.joined()
        + countedPaths.map { #"{ target: "\#($0.key)", source: "\#($0.value)", transforms: ["count"] },"# }.joined()
        + #"""
        { target: "when", source: "$.id", when: { source: "$.flag", equals: "true" } },
        { target: "people", for_each: "$.people[*]", fields: [{ target: "who", source: "@.name" }, { target: "age", source: "@.age" }] },
        { target: "items", for_each: "$.list", fields: [{ target: ".", source: "@" }] },
        { target: "one", for_each: "$.a", fields: [{ target: "deep", source: "@.b.c" }] },
        """#
    static let jsonOutput = #"{ name: "t", input: "json", output: "json", fields: ["# + pathFields + #"{ target: "whole", source: "$.obj" }] }"#
    static let xmlOutput = #"{ name: "t", input: "json", output: "xml", xml: { root: "r" }, fields: ["# + pathFields + #"{ target: "geo/@id", source: "$.id" }] }"#

    static let sample = #"""
        {"id": "A-1", "list": [1, 2.5e3, -0.25], "people": [{"name": "Ann", "age": 41}, {"name": "Bo\u00e9", "age": null}],
         "obj": {"x": "1", "y": [true, false], "z": {"q": "<&>\"'\r\n\t"}}, "odd key": "yes", "a": {"b": {"c": "deep"}},
         "escaped": "tab\there \ud83d\ude00 \/", "n": 12, "flag": true, "none": null, "skip": {"k": [{"k": {"k": "v"}}]}}
        """#

    /// The output or problems with the fast paths on and off; the test asserts they are equal.
    static func bothWays(_ mapping: Mapping, _ input: [UInt8], variables: [String: String] = [:]) -> (fast: String, tree: String) {
        var tree = mapping
        tree.allowsFastPaths = false
        func outcome(_ mapping: Mapping) -> String {
            do throws(MappingFailure) {
                return String(decoding: try mapping.run(input, variables: variables), as: UTF8.self)
            } catch {
                return "problems: " + error.problems.map(\.description).joined(separator: "\n")
            }
        }
        return (outcome(mapping), outcome(tree))
    }

    static func expectSame(_ mapping: Mapping, _ input: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (fast, tree) = bothWays(mapping, Array(input.utf8))
        #expect(fast == tree, "input: \(input.prefix(200))", sourceLocation: sourceLocation)
    }

    @Test func everyKindOfPath_GivesTheSameOutput() throws {
        for text in [Self.jsonOutput, Self.xmlOutput] {
            let mapping = try MappingTestSupport.compile(text)
            let (fast, tree) = Self.bothWays(mapping, Array(Self.sample.utf8))
            #expect(fast == tree)
            #expect(!fast.hasPrefix("problems"))
            Self.expectSame(mapping, "{}")
            Self.expectSame(mapping, #"{"people": {"name": "single"}, "list": "not a list", "a": [1], "obj": []}"#)
            Self.expectSame(mapping, #"{"people": null, "list": [], "a": {"b": null}, "obj": {}}"#)
            Self.expectSame(mapping, "[1, 2]")
            Self.expectSame(mapping, #""top-level string""#)
        }
    }

    @Test func everyGoldenInput_AndSharedFixture_GivesTheSameOutput() throws {
        let mappings = Self.repository.appendingPathComponent("Mappings")
        let files = try FileManager.default.contentsOfDirectory(atPath: mappings.path).filter { $0.hasSuffix(".json5") }.sorted()
        var inputs: [(name: String, bytes: [UInt8], variables: [String: String])] = []
        for file in files {
            let tests = mappings.appendingPathComponent(file.replacingOccurrences(of: ".json5", with: ".tests"))
            for name in (try? FileManager.default.contentsOfDirectory(atPath: tests.path)) ?? [] where name.hasSuffix(".input.json") {
                let bytes = try [UInt8](Data(contentsOf: tests.appendingPathComponent(name)))
                var variables: [String: String] = [:]
                let variablesFile = tests.appendingPathComponent(name.replacingOccurrences(of: ".input.json", with: ".variables.json"))
                if let data = FileManager.default.contents(atPath: variablesFile.path),
                    case .object(let object)? = try? JSONParser().parse([UInt8](data)).value
                {
                    for member in object.members { variables[member.key] = member.value.stringValue }
                }
                inputs.append((name, bytes, variables))
            }
        }
        let shared = Self.repository.deletingLastPathComponent().appendingPathComponent("shared/fixtures/requests")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: shared.path)) ?? [] where name.hasSuffix(".json") {
            inputs.append((name, try [UInt8](Data(contentsOf: shared.appendingPathComponent(name))), [:]))
        }
        #expect(inputs.count >= 5)
        var compared = 0
        for file in files {
            let mapping = try Mapping(contentsOf: mappings.appendingPathComponent(file))
            guard mapping.input == .json else { continue }
            for input in inputs {
                let (fast, tree) = Self.bothWays(mapping, input.bytes, variables: input.variables)
                #expect(fast == tree, "\(file) over \(input.name)")
                compared += 1
            }
        }
        #expect(compared > 10)
    }

    @Test func everyTruncationOfAGoldenInput_GivesTheSameErrors() throws {
        let mappings = Self.repository.appendingPathComponent("Mappings")
        let input = try [UInt8](Data(contentsOf: mappings.appendingPathComponent("work-order-json.tests/sample.input.json")))
        for file in ["work-order-json.json5", "work-order-xml.json5"] {
            let mapping = try Mapping(contentsOf: mappings.appendingPathComponent(file))
            for length in 0..<input.count {
                let (fast, tree) = Self.bothWays(mapping, Array(input[..<length]))
                #expect(fast == tree, "\(file), first \(length) bytes")
            }
        }
    }

    @Test func hostileJSON_GivesTheSameErrors() throws {
        let mapping = try MappingTestSupport.jsonMapping(#"{ target: "code", source: "$.service_code" }, { target: "rest", source: "$.rest" }"#)
        let deep = String(repeating: #"{"a":"#, count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        let atLimit = String(repeating: "[", count: 63) + "1" + String(repeating: "]", count: 63)
        let overLimit = String(repeating: "[", count: 64) + "1" + String(repeating: "]", count: 64)
        let hugeString = String(repeating: "x", count: 2_000_000)
        let wide = (0..<100).map { #""k\#($0)": \#($0)"# }.joined(separator: ", ")
        let documents = [
            #"{"service_code": "x", "skip": \#(deep)}"#,
            #"{"service_code": "x", "skip": \#(atLimit)}"#,
            #"{"service_code": "x", "skip": \#(overLimit)}"#,
            #"{"service_code": "x", "skip": "\#(hugeString)"}"#,
            #"{"service_code": "\#(hugeString)"}"#,
            #"{"service_code": "x", "skip": {"a": 1, "b": {"c": 2, "c": 3}}}"#,
            #"{"service_code": "x", "skip": {"a": 1, "a": 2}}"#,
            #"{"service_code": "x", "service_code": "y"}"#,
            #"{"service_code": "x", "\u0073ervice_code": "y"}"#,
            #"{"service_code": "x", "skip": {"\u0061": 1, "a": 2}}"#,
            #"{"service_code": "x", "wide": {\#(wide)}}"#,
            #"{"service_code": "x", "wide": {\#(wide), "k99": 0}}"#,
            #"{"service_code": "x", "skip": "tab\there"}"#,
            #"{"service_code": "x", "skip": "\x"}"#,
            #"{"service_code": "x", "skip": "\ud800"}"#,
            #"{"service_code": "x", "skip": "\u12"}"#,
            #"{"service_code": "x", "skip": 012}"#,
            #"{"service_code": "x", "skip": 1.}"#,
            #"{"service_code": "x", "skip": -}"#,
            #"{"service_code": "x", "skip": 1e}"#,
            #"{"service_code": "x", "skip": tru}"#,
            #"{"service_code": "x", "skip": True}"#,
            #"{"service_code": "x", "skip": nullx}"#,
            #"{"service_code": "x", "skip": [1, 2,]}"#,
            #"{"service_code": "x", "skip": {"a": 1,}}"#,
            #"{"service_code": "x",}"#,
            #"{"service_code": "x"} trailing"#,
            #"{"service_code": "x"}}"#,
            #"{'service_code': 'x'}"#,
            #"{service_code: "x"}"#,
            "\u{FEFF}{\"service_code\": \"x\"}",
            "",
            "   ",
            "null",
            "{\"service_code\": \"x\", \"skip\": \"line\nbreak\"}",
            "{\"service_code\": \"x\", \"skip\": \"\u{2028}\"} ",
        ]
        for document in documents { Self.expectSame(mapping, document) }
        // Invalid UTF-8, inside a skipped string, a wanted one and a key.
        for bytes: [UInt8] in [[0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xFF], [0xE2, 0x82]] {
            for template in [#"{"service_code": "x", "skip": "@"}"#, #"{"service_code": "@"}"#, #"{"service_code": "x", "@": 1}"#] {
                let parts = template.split(separator: "@", omittingEmptySubsequences: false)
                let document = Array(parts[0].utf8) + bytes + Array(parts[1].utf8)
                let (fast, tree) = Self.bothWays(mapping, document)
                #expect(fast == tree, "bytes \(bytes) in \(template)")
                #expect(fast.hasPrefix("problems: input: is not valid JSON"))
            }
        }
        // The messages themselves are the tree parser's, as before.
        let (duplicate, _) = Self.bothWays(mapping, Array(#"{"service_code": "x", "skip": {"a": 1, "a": 2}}"#.utf8))
        #expect(duplicate.contains(#"duplicate key "a""#))
    }

    @Test func memberLookups_FindEveryKeyInAnyOrder() throws {
        let document = Array(#"{"a": 1, "b": {"a": 2, "c": 3}, "c": 4, "d": 5}"#.utf8)
        document.withUnsafeBytes { bytes in
            guard let tape = try? JSONTape.scan(bytes, maxDepth: 8) else {
                Issue.record("the tape declined a plain document")
                return
            }
            for key in ["a", "b", "c", "d", "d", "a", "x"] {
                let found = tape.member(key, ofObjectAt: 0).map { tape.text(at: $0 - 1) }
                #expect(found == (key == "x" ? nil : key))
            }
            let inner = tape.member("b", ofObjectAt: 0)
            #expect(inner.flatMap { tape.member("c", ofObjectAt: $0) }.map { tape.text(at: $0) } == "3")
            #expect(tape.member("c", ofObjectAt: 0).map { tape.text(at: $0) } == "4")
            #expect(tape.element(-1, ofArrayAt: 0) == nil)
        }
    }

    @Test func ordinaryDocuments_TakeTheTape() throws {
        let input = try [UInt8](Data(contentsOf: Self.repository.appendingPathComponent("Mappings/work-order-json.tests/sample.input.json")))
        for document in [input, Array(Self.sample.utf8)] {
            let tape = document.withUnsafeBytes { bytes in try? JSONTape.scan(bytes, maxDepth: 64) }
            #expect(tape != nil)
        }
    }
}
