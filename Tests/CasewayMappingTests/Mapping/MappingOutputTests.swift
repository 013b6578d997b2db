import Testing
@testable import CasewayMapping

/// Repeating groups, conditions, and the three output formats.
struct MappingOutputTests {
    @Test func repeatingGroups_InJSON() throws {
        let mapping = try MappingTestSupport.jsonMapping(
            """
            { target: "photos", for_each: "$.photos[*]", source: "@.url" },
            { target: "documents", for_each: "$.photos[*]", fields: [
                { target: "href", source: "@.url" }, { target: "type", source: "@.content_type", transforms: ["upper"] } ] },
            { target: "attrs", for_each: "$.attributes[*]", fields: [{ name: { source: "@.code", transforms: ["lower"] }, source: "@.value" }] }
            """)
        let input = #"{"photos": [{"url": "a.jpg", "content_type": "image/jpeg"}, {"url": "b.png"}], "attributes": [{"code": "SIZE", "value": "large"}]}"#
        #expect(try MappingTestSupport.run(mapping, input) == """
            {"photos":["a.jpg","b.png"],"documents":[{"href":"a.jpg","type":"IMAGE/JPEG"},{"href":"b.png"}],"attrs":{"size":"large"}}
            """)
        #expect(try MappingTestSupport.run(mapping, "{}") == #"{"photos":[],"documents":[],"attrs":{}}"#)
    }

    @Test func repeatingGroups_InXML_WithItemElements() throws {
        let mapping = try MappingTestSupport.compile("""
            { name: "t", input: "json", output: "xml", xml: { root: "Enquiry", declaration: false },
              fields: [
                { target: "documents/URL", for_each: "$.photos[*]", source: "@.url" },
                { target: "attributes", item: "attribute", for_each: "$.attrs[*]", fields: [
                    { target: "@code", source: "@.code" }, { target: ".", source: "@.value" } ] },
              ] }
            """)
        let output = try MappingTestSupport.run(mapping, #"{"photos": [{"url": "a"}, {"url": "b"}], "attrs": [{"code": "depth", "value": 12}]}"#)
        #expect(output == #"<Enquiry><documents><URL>a</URL><URL>b</URL></documents><attributes><attribute code="depth">12</attribute></attributes></Enquiry>"# + "\n")
    }

    @Test func problemsInsideAGroup_NameTheItem() throws {
        let mapping = try MappingTestSupport.jsonMapping(
            #"{ target: "lines", for_each: "$.lines[*]", fields: [{ target: "qty", source: "@.qty", type: "number" }] }"#)
        #expect(MappingTestSupport.problems(mapping, #"{"lines": [{"qty": 1}, {"qty": "two"}]}"#)
            == [#"lines[2]/qty: "two" is not a number (from @.qty)"#])
    }

    @Test func problemsInARepeatedField_NameTheItem() throws {
        let mapping = try MappingTestSupport.jsonMapping(#"{ target: "sizes", for_each: "$.s[*]", source: "@", type: "number" }"#)
        #expect(MappingTestSupport.problems(mapping, #"{"s": [1, "big"]}"#) == [#"sizes[2]: "big" is not a number (from @)"#])
    }

    @Test func when_OnAFieldAndAGroup() throws {
        let mapping = try MappingTestSupport.jsonMapping(
            """
            { target: "contact", source: "$.email", when: { source: "$.pref", equals: "email" } },
            { target: "contact", source: "$.phone", when: { source: "$.pref", not_equals: "email" } },
            { target: "vip", value: true, when: { source: "$.tier", equals: ["gold", "platinum"] } },
            { target: "photos", for_each: "$.photos[*]", source: "@", when: { source: "$.photos", exists: true } }
            """)
        #expect(try MappingTestSupport.run(mapping, #"{"pref": "email", "email": "e@x", "phone": "1", "tier": "gold"}"#)
            == #"{"contact":"e@x","vip":true}"#)
        #expect(try MappingTestSupport.run(mapping, #"{"pref": "phone", "email": "e@x", "phone": "1", "photos": ["p"]}"#)
            == #"{"contact":"1","photos":["p"]}"#)
    }

    @Test func xmlOutput_NamespacesCDATAAndEscaping() throws {
        let mapping = try MappingTestSupport.compile("""
            { name: "t", input: "json", output: "xml",
              xml: { root: "Enquiry", namespace: "urn:enq", namespaces: { gml: "urn:gml" }, declaration: true },
              fields: [
                { target: "@ref", source: "$.ref" },
                { target: "Notes", source: "$.notes", cdata: true },
                { target: "Name", source: "$.name" },
                { target: "gml:Point/gml:pos", value: "1 2" },
              ] }
            """)
        let output = try MappingTestSupport.run(mapping, #"{"ref": "a\"<b", "notes": "£25 & <3 ]]> done", "name": "Siobhán O’Donnell & co <x>"}"#)
        #expect(output == """
            <?xml version="1.0" encoding="UTF-8"?>
            <Enquiry xmlns="urn:enq" xmlns:gml="urn:gml" ref="a&quot;&lt;b"><Notes><![CDATA[£25 & <3 ]]]]><![CDATA[> done]]></Notes>\
            <Name>Siobhán O’Donnell &amp; co &lt;x&gt;</Name><gml:Point><gml:pos>1 2</gml:pos></gml:Point></Enquiry>

            """)
    }

    @Test func soap12Envelope() throws {
        let mapping = try MappingTestSupport.compile("""
            { name: "t", input: "json", output: "xml",
              xml: { root: "Case", declaration: false, namespaces: { op: "urn:op" }, soap: { version: "1.2", prefix: "env", operation: "op:Submit" } },
              fields: [{ target: "Id", source: "$.id" }] }
            """)
        #expect(try MappingTestSupport.run(mapping, #"{"id": "7"}"#) == """
            <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><op:Submit xmlns:op="urn:op"><Case><Id>7</Id></Case></op:Submit></env:Body></env:Envelope>

            """)
        #expect(mapping.contentType.hasPrefix("application/soap+xml"))
    }

    @Test func invalidDynamicElementName_IsAFieldError() throws {
        let mapping = try MappingTestSupport.compile("""
            { name: "t", input: "json", output: "xml", xml: { root: "r" },
              fields: [{ target: "attrs", for_each: "$.a[*]", fields: [{ name: { source: "@.code" }, source: "@.value" }] }] }
            """)
        #expect(MappingTestSupport.problems(mapping, #"{"a": [{"code": "two words", "value": 1}]}"#).first?.contains("is not a valid XML element name") == true)
    }

    @Test func csvOutput_OneRowAndManyRows() throws {
        let one = try MappingTestSupport.compile("""
            { name: "t", input: "json", output: "csv", fields: [
              { target: "Ref", source: "$.ref" }, { target: "Notes", source: "$.notes" } ] }
            """)
        #expect(try MappingTestSupport.run(one, #"{"ref": "R1", "notes": "said \"hi\", left\r\nearly"}"#)
            == "Ref,Notes\r\nR1,\"said \"\"hi\"\", left\r\nearly\"\r\n")
        let many = try MappingTestSupport.compile("""
            { name: "t", input: "json", output: "csv", csv: { rows: "$.cases[*]", header: false, delimiter: ";", line_ending: "lf" },
              fields: [{ target: "Ref", source: "@.ref" }, { target: "Batch", source: "$.batch" }] }
            """)
        #expect(try MappingTestSupport.run(many, #"{"batch": "B", "cases": [{"ref": "1"}, {"ref": "2;3"}]}"#) == "1;B\n\"2;3\";B\n")
    }

    @Test func xmlInput_XPathWithDeclaredPrefixes() throws {
        let mapping = try MappingTestSupport.compile("""
            { name: "t", input: "xml", output: "json", namespaces: { c: "urn:c" },
              fields: [
                { target: "id", source: "/c:Req/@id" },
                { target: "count", source: "count(/c:Req/c:Item)" },
                { target: "items", for_each: "/c:Req/c:Item", source: "." },
                { target: "desc", source: "/c:Req/c:Desc" },
              ] }
            """)
        let input = #"<Req xmlns="urn:c" id="9"><Item>a</Item><Item>b</Item><Desc><![CDATA[<&> £]]></Desc></Req>"#
        #expect(try MappingTestSupport.run(mapping, input) == #"{"id":"9","count":2,"items":["a","b"],"desc":"<&> £"}"#)
    }

    @Test func variables_FromTheHub() throws {
        let mapping = try MappingTestSupport.jsonMapping(#"{ target: "ref", variable: "case_id", transforms: ["required"] }"#)
        #expect(try MappingTestSupport.run(mapping, "{}", variables: ["case_id": "CWY-1"]) == #"{"ref":"CWY-1"}"#)
        #expect(MappingTestSupport.problems(mapping, "{}") == ["ref: is required but missing (from variable case_id)"])
    }
}
