import Testing
@testable import CasewayMapping

struct JSONPathTests {
    let document: JSONValue? = try? JSONValue(parsing: #"{"a": {"b": [10, 20, 30], "odd key": true}, "list": [{"u": 1}, {"u": 2}, {"v": 3}]}"#)

    @Test func selectsKeysIndexesAndWildcards() throws {
        let document = try #require(document)
        #expect(try JSONPath("$.a.b[0]").evaluate(document) == .number(JSONNumber(10)))
        #expect(try JSONPath("$.a.b[-1]").evaluate(document) == .number(JSONNumber(30)))
        #expect(try JSONPath("$.a['odd key']").evaluate(document) == .bool(true))
        #expect(try JSONPath("$.list[*].u").evaluate(document) == .array([.number(JSONNumber(1)), .number(JSONNumber(2))]))
        #expect(try JSONPath("$.missing.x").evaluate(document) == nil)
        #expect(try JSONPath("$.a.b[7]").evaluate(document) == nil)
        #expect(try JSONPath("@.u").isRelative)
    }

    @Test func refusesWhatItDoesNotSupport() {
        for text in ["a.b", "$.a[", "$.a[?(@.x)]", "$.a[1:2]", "$..a", "$.a]"] {
            #expect(throws: JSONPathError.self) { try JSONPath(text) }
        }
    }
}
