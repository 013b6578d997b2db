import Foundation
import Testing
@testable import CasewayMapping

struct GoldenTestsTests {
    @Test func mismatch_ShowsALineDiff() {
        let diff = TextDiff.lines(expected: "a\nb\nc\nd\n", actual: "a\nB\nc\nd\n")
        #expect(diff == "  a\n- b\n+ B\n  c\n  d")
        #expect(TextDiff.lines(expected: "same", actual: "same") == nil)
        #expect(TextDiff.lines(expected: "x\r\n", actual: "x\n") == "- x␍\n+ x")
    }

    @Test func runsCasesFromAFolder_AndReportsFailures() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        try write("ok.input.json", #"{"a": "x"}"#)
        try write("ok.expected.json", #"{"A":"x"}"#)
        try write("wrong.input.json", #"{"a": "y"}"#)
        try write("wrong.expected.json", #"{"A":"z"}"#)
        try write("fails.input.json", #"{}"#)
        try write("fails.expected-errors.txt", "A: is required but missing (from $.a)\n")
        try write("orphan.input.json", "{}")
        let mapping = try MappingTestSupport.jsonMapping(#"{ target: "A", source: "$.a", transforms: ["required"] }"#)
        let result = GoldenTests.run(mapping, directory: directory, displayDirectory: "Mappings/t.tests")
        #expect(result.passed == 2)
        #expect(result.failures.map(\.caseName).sorted() == ["orphan", "wrong"])
        let wrong = try #require(result.failures.first { $0.caseName == "wrong" })
        #expect(wrong.file == "Mappings/t.tests/wrong.expected.json")
        #expect(wrong.message.contains(#"- {"A":"z"}"#) && wrong.message.contains(#"+ {"A":"y"}"#))
    }
}
