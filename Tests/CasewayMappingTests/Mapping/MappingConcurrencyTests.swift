import Testing
@testable import CasewayMapping

struct MappingConcurrencyTests {
    @Test func oneCompiledMapping_RunsFrom16TasksAtOnce() async throws {
        let mapping = try MappingTestSupport.compile("""
            { name: "t", input: "json", output: "xml", xml: { root: "r" }, fields: [
              { target: "@id", source: "$.id" },
              { target: "when", source: "$.at", transforms: [{ datetime: "yyyy-MM-dd HH:mm", zone: "Europe/London" }] },
              { target: "code", source: "$.code", transforms: [{ lookup: { entries: { a: "A" }, default: "Z" } }] },
              { target: "clean", source: "$.text", transforms: [{ replace: "\\\\s+", with: " " }] },
              { target: "items/item", for_each: "$.items[*]", source: "@" } ] }
            """)
        let outputs = await withTaskGroup(of: Bool.self) { group in
            for task in 0..<16 {
                group.addTask {
                    for index in 0..<200 {
                        let id = "\(task)-\(index)"
                        let input = #"{"id": "\#(id)", "at": "2026-10-25T01:30:00Z", "code": "a", "text": "x  y", "items": [1, 2]}"#
                        let expected = #"<r id="\#(id)"><when>2026-10-25 01:30</when><code>A</code><clean>x y</clean><items><item>1</item><item>2</item></items></r>"#
                        guard let output = try? MappingTestSupport.run(mapping, input), output.contains(expected) else { return false }
                    }
                    return true
                }
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(outputs.count == 16 && outputs.allSatisfy { $0 })
    }
}
