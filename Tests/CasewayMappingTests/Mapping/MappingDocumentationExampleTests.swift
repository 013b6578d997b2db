import Testing
@testable import CasewayMapping

/// The examples of docs/mappings.md that are not covered elsewhere, so the manual stays true.
struct MappingDocumentationExampleTests {
    static let photos = #"{"photos": [{"url": "p1.jpg", "content_type": "image/jpeg"}, {"url": "p2.jpg", "content_type": "image/png"}]}"#

    @Test func repeatedField_InJSON_IsAnArrayUnderItsParent() throws {
        let mapping = try MappingTestSupport.jsonMapping(#"{ target: "documents/URL", for_each: "$.photos[*]", source: "@.url" }"#)
        #expect(try MappingTestSupport.run(mapping, Self.photos) == #"{"documents":{"URL":["p1.jpg","p2.jpg"]}}"#)
    }

    @Test func groupWithItems_InJSONAndXML() throws {
        let group = """
            { target: "attachments", item: "attachment", for_each: "$.photos[*]",
              fields: [{ target: "type", source: "@.content_type" }, { target: "url", source: "@.url" }] }
            """
        let json = try MappingTestSupport.jsonMapping(group)
        #expect(try MappingTestSupport.run(json, Self.photos)
            == #"{"attachments":[{"type":"image/jpeg","url":"p1.jpg"},{"type":"image/png","url":"p2.jpg"}]}"#)
        let xml = try MappingTestSupport.compile(
            #"{ name: "t", input: "json", output: "xml", xml: { root: "r", declaration: false }, fields: [\#(group)] }"#)
        #expect(try MappingTestSupport.run(xml, Self.photos) == """
            <r><attachments><attachment><type>image/jpeg</type><url>p1.jpg</url></attachment>\
            <attachment><type>image/png</type><url>p2.jpg</url></attachment></attachments></r>

            """)
    }

    @Test func nonEmpty_LeavesTheFieldOut() throws {
        let mapping = try MappingTestSupport.jsonMapping(#"{ target: "a", source: "$.a", transforms: ["non_empty"] }"#)
        #expect(try MappingTestSupport.run(mapping, #"{"a": ""}"#) == "{}")
    }

    @Test func formulaGuard_InCSV() throws {
        let mapping = try MappingTestSupport.compile(
            #"{ name: "t", input: "json", output: "csv", csv: { header: false, formula_guard: true }, fields: [{ target: "A", source: "$.a" }] }"#)
        #expect(try MappingTestSupport.run(mapping, #"{"a": "=SUM(A1)"}"#) == "'=SUM(A1)\r\n")
    }
}
