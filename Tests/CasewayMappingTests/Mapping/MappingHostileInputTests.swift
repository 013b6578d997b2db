import Testing
@testable import CasewayMapping

/// Hostile and broken documents end in a problem naming the input or the field, never a crash,
/// and never unbounded time or memory.
struct MappingHostileInputTests {
    static let jsonMapping: Mapping? = try? MappingTestSupport.jsonMapping(
        #"{ target: "code", source: "$.service_code", transforms: ["required"] }, { target: "lat", source: "$.location.lat", type: "number" }"#)
    static let xmlMapping: Mapping? = try? MappingTestSupport.compile(
        #"{ name: "t", input: "xml", output: "json", fields: [{ target: "d", source: "//Description" }] }"#)

    private func problems(_ mapping: Mapping?, _ input: String) throws -> [String] {
        let mapping = try #require(mapping)
        return MappingTestSupport.problems(mapping, input)
    }

    @Test func truncatedAndDuplicateKeyJSON_AreInputProblems() throws {
        let truncated = try problems(Self.jsonMapping, #"{"service_code": "HW_POT", "description": "Large pot"#)
        #expect(truncated.count == 1 && truncated[0].hasPrefix("input: is not valid JSON: 1:"))
        let duplicate = try problems(Self.jsonMapping, #"{"service_code": "HW_POT", "service_code": "WS_FLY"}"#)
        #expect(duplicate.count == 1 && duplicate[0].contains("service_code"))
    }

    @Test func wrongTypes_AreFieldProblems() throws {
        #expect(try problems(Self.jsonMapping, #"{"service_code": "HW_POT", "location": {"lat": "abc"}}"#)
            == [#"lat: "abc" is not a number (from $.location.lat)"#])
        #expect(try problems(Self.jsonMapping, #"{"location": {"lat": 1}}"#) == ["code: is required but missing (from $.service_code)"])
    }

    @Test func deepNesting_IsRefusedAtTheLimit() throws {
        let depth = 10_000
        let json = #"{"service_code": "x", "a": "# + String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth) + "}"
        #expect(try problems(Self.jsonMapping, json).first?.hasPrefix("input: is not valid JSON") == true)
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect(try problems(Self.xmlMapping, xml).first?.hasPrefix("input: is not accepted XML") == true)
    }

    @Test func xxeAndEntityExpansion_AreRefusedBeforeExpansion() throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <r><Description>&x;</Description></r>
            """
        let xxeProblems = try problems(Self.xmlMapping, xxe)
        #expect(xxeProblems.count == 1 && !xxeProblems[0].contains("root:"))
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <r><Description>&lol3;</Description></r>
            """
        #expect(try problems(Self.xmlMapping, laughs).first?.hasPrefix("input: is not accepted XML") == true)
    }

    @Test func notWellFormedXML_AndUTF16_AreInputProblems() throws {
        #expect(try problems(Self.xmlMapping, "<r><Description>a & b</Description>").first?.hasPrefix("input:") == true)
        let mapping = try #require(Self.jsonMapping)
        let utf16: [UInt8] = [0xFF, 0xFE] + Array(#"{"a":1}"#.utf8).flatMap { [$0, 0] }
        #expect(throws: MappingFailure.self) { try mapping.run(utf16) }
    }

    @Test func hugeInput_IsRefusedBySize_AndHugeStringsUnderTheLimitStillMap() throws {
        let mapping = try MappingTestSupport.jsonMapping(
            #"{ target: "d", source: "$.d", transforms: [{ truncate: 10 }] }"#, extra: #"limits: { max_input_bytes: "1 MiB" },"#)
        let huge = #"{"d": ""# + String(repeating: "x", count: 2 * 1024 * 1024) + #""}"#
        #expect(MappingTestSupport.problems(mapping, huge) == ["input: is 2097161 bytes, more than the limit of 1048576"])
        let big = #"{"d": ""# + String(repeating: "é", count: 400_000) + #""}"#
        #expect(try MappingTestSupport.run(mapping, big) == #"{"d":"éééééééééé"}"#)
    }

    @Test func tooManyGroupItems_IsAProblem() throws {
        let mapping = try MappingTestSupport.jsonMapping(
            #"{ target: "xs", for_each: "$.xs[*]", source: "@" }"#, extra: "limits: { max_group_items: 3 },")
        #expect(MappingTestSupport.problems(mapping, #"{"xs": [1, 2, 3, 4]}"#) == ["xs: has 4 items, more than the limit of 3 (from $.xs[*])"])
    }

    @Test func invalidXMLCharacters_InAValue_AreAFieldProblem() throws {
        let mapping = try MappingTestSupport.compile(
            #"{ name: "t", input: "json", output: "xml", xml: { root: "r" }, fields: [{ target: "n", source: "$.n" }] }"#)
        #expect(MappingTestSupport.problems(mapping, #"{"n": "bell\u0007"}"#).first?.hasPrefix("n: text in <n> contains U+0007") == true)
    }
}
