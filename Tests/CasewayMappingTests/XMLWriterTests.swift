import Testing
@testable import CasewayMapping

struct XMLWriterTests {
    private func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The benchmark's work order, written the way the mapping engine will write it.
    static func writeWorkOrder(_ writer: XMLWriter) throws {
        try writer.element("workOrder") { w in
            try w.attribute("ticketId", "7f3c9a52-4b1e-4d8a-9e2f-1c6b8d0a3e47")
            try w.element("category", text: "POTHOLE-STREET")
            try w.element("categoryLabel", text: "Pothole in roadway")
            try w.element("summary", text: "Large pothole in the eastbound lane roughly 40 cm wide and 10 cm deep, directly in front of the bakery. Two cyclists hav")
            try w.element("department", text: "Public Works - Streets Division")
            try w.element("urgency", text: "1")
            try w.element("geo") { w in
                try w.attribute("lat", "52.520008")
                try w.attribute("lon", "13.404954")
            }
            try w.element("fullAddress", text: "Karl-Liebknecht-Strasse 13, 10178 Berlin")
            try w.element("district", text: "Mitte")
            try w.element("reporterName", text: "Johanna Musterfrau")
            try w.element("reporterContact", text: "johanna.musterfrau@example.org")
            try w.element("reporterPhone", text: "+49 30 1234567")
            try w.element("attrs") { w in
                for (key, value) in [("size", "large"), ("lane", "eastbound"), ("hazard", "yes"), ("surface", "asphalt")] {
                    try w.element(key, text: value)
                }
            }
            try w.element("openedAt", text: "2024-05-14T07:42:11Z")
            try w.element("dueAt", text: "2024-05-21T16:00:00Z")
            try w.element("labels", text: "road,safety,cycling")
            try w.element("photoCount", text: "1")
            try w.element("source", text: "open311-gateway/mobile-app")
        }
    }

    @Test func workOrder_MatchesTheReferenceOutput() throws {
        let writer = try XMLWriter()
        try Self.writeWorkOrder(writer)
        #expect(string(try writer.finish()) == XMLFixtures.workOrder + "\n")
    }

    @Test func startsWithTheUTF8Declaration_UnlessToldNot() throws {
        let writer = try XMLWriter()
        try writer.element("a", text: "é")
        #expect(string(try writer.finish()) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>é</a>\n")

        let bare = try XMLWriter(options: .init(includesDeclaration: false))
        try bare.element("a") { w in
            try w.attribute("name", "Siobhán")
            try w.text("café")
        }
        #expect(string(try bare.finish()) == "<a name=\"Siobhán\">café</a>\n")
    }

    @Test func escapingRoundTrips() throws {
        let text = #"a < b && c > d; "quoted" 'single' — £5 é ]]> tab"# + "\t line\n\r\nend"
        let attributeValue = "say \"hi\" & <wave> 'now'\tthen\nnext\r£ O’Donnell"
        let writer = try XMLWriter()
        try writer.element("r") { w in
            try w.attribute("v", attributeValue)
            try w.text(text)
        }
        let output = string(try writer.finish())
        #expect(output.contains("a &lt; b &amp;&amp; c &gt; d;"))
        #expect(output.contains("v=\"say &quot;hi&quot; &amp; &lt;wave&gt; 'now'&#9;then&#10;next&#13;£ O’Donnell\""))
        let parsed = try XMLDocument(parsing: output)
        let root = try #require(parsed.root)
        #expect(root.attribute("v") == attributeValue)
        // XML parsers normalise CR LF to LF in text, as the spec requires; &#13; is written to keep it.
        #expect(root.textContent == text)
    }

    @Test func cdataIsKept_AndSplitAroundItsTerminator() throws {
        let description = "Grey bin — <3 weeks & £25; odd ]]> sequence"
        let writer = try XMLWriter()
        try writer.element("Description") { try $0.cdata(description) }
        let output = string(try writer.finish())
        #expect(output.contains("<Description><![CDATA[Grey bin — <3 weeks & £25; odd ]]]]><![CDATA[> sequence]]></Description>"))
        let parsed = try XMLDocument(parsing: output)
        #expect(parsed.root?.textContent == description)
        // libxml2's parser joins the two adjacent sections back into one CDATA node.
        #expect(parsed.root?.children.map(\.kind) == [.cdata])
    }

    @Test func namespacesAreDeclaredOnceAndReused() throws {
        let request = "urn:example:kestrel-vale:crm:service-request:2"
        let bs7666 = "urn:example:bs7666:address:1"
        let writer = try XMLWriter()
        try writer.element("ServiceRequest", namespace: request) { w in
            try w.element("Location", namespace: request) { w in
                try w.element("Address", namespace: bs7666, prefix: "bs7666") { w in
                    try w.attribute("uprn", "200003931044")
                    try w.element("PAON", namespace: bs7666, text: "7")
                    try w.element("Town", namespace: bs7666, prefix: "bs7666", text: "Kestrel Vale")
                }
            }
            try w.element("Note", text: "no namespace")
        }
        let output = string(try writer.finish())
        #expect(output == """
            <?xml version="1.0" encoding="UTF-8"?>
            <ServiceRequest xmlns="\(request)"><Location><bs7666:Address xmlns:bs7666="\(bs7666)" uprn="200003931044">\
            <bs7666:PAON>7</bs7666:PAON><bs7666:Town>Kestrel Vale</bs7666:Town></bs7666:Address></Location>\
            <Note xmlns="">no namespace</Note></ServiceRequest>

            """)
        let root = try #require(try XMLDocument(parsing: output).root)
        #expect(root.childElements.map { $0.namespaceURI } == [request, nil])
    }

    @Test func namespacedAttributesGetAPrefix() throws {
        let xsi = "http://www.w3.org/2001/XMLSchema-instance"
        let writer = try XMLWriter()
        try writer.element("a", namespace: "urn:a") { w in
            try w.declareNamespace("http://www.w3.org/2001/XMLSchema", prefix: "xsd")
            try w.attribute("type", "xsd:string", namespace: xsi, prefix: "xsi")
            try w.attribute("nil", "false", namespace: "urn:other")
            try w.attribute("lang", "en-GB", namespace: XMLWriter.xmlNamespace)
        }
        let output = string(try writer.finish())
        #expect(output.contains(#"xmlns:xsd="http://www.w3.org/2001/XMLSchema""#))
        #expect(output.contains(#"xsi:type="xsd:string""#))
        #expect(output.contains(#"xmlns:ns1="urn:other""#))
        #expect(output.contains(#"ns1:nil="false""#))
        #expect(output.contains(#"xml:lang="en-GB""#))
        let root = try #require(try XMLDocument(parsing: output).root)
        #expect(root.attribute("type", namespace: xsi) == "xsd:string")
        #expect(root.attribute("nil", namespace: "urn:other") == "false")
        #expect(root.namespaceURI(forPrefix: "xsd") == "http://www.w3.org/2001/XMLSchema")
    }

    @Test func rebindingAPrefixInUseIsRefused() throws {
        let writer = try XMLWriter()
        try writer.startElement("a", namespace: "urn:one", prefix: "p")
        let error = try #require(throws: XMLError.self) { try writer.attribute("x", "1", namespace: "urn:two", prefix: "p") }
        #expect(error.code == .invalidName)
        // A child may shadow it, as XML allows.
        try writer.element("b", namespace: "urn:two", prefix: "p", text: "")
        try writer.endElement()
        #expect(string(try writer.finish()).contains(#"<p:b xmlns:p="urn:two"/>"#))
    }

    @Test func controlCharactersAreRejected_OrReplacedWhenAsked() throws {
        let writer = try XMLWriter()
        try writer.startElement("summary")
        let error = try #require(throws: XMLError.self) { try writer.text("bell\u{07}here") }
        #expect(error.code == .invalidCharacter)
        #expect(error.message == "text in <summary> contains U+0007 at byte 4, which XML 1.0 does not allow")
        let attribute = try #require(throws: XMLError.self) { try writer.attribute("v", "nul\u{0}") }
        #expect(attribute.message.hasPrefix("attribute v of <summary> contains U+0000"))
        #expect(throws: XMLError.self) { try writer.cdata("\u{FFFE}") }

        let lenient = try XMLWriter(options: .init(invalidCharacters: .replace))
        try lenient.element("summary", text: "bell\u{07}here\u{FFFF}")
        #expect(string(try lenient.finish()).contains("<summary>bell\u{FFFD}here\u{FFFD}</summary>"))
    }

    @Test func disallowedCharactersAreFoundWhereverTheyAre() throws {
        // The check reads eight bytes at a time; these sit at each position in and across words.
        for position in 0..<20 {
            for bad in ["\u{01}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"] {
                let text = String(repeating: "é", count: position / 2) + String(repeating: "a", count: position % 2) + bad + "tail"
                let writer = try XMLWriter()
                let error = try #require(throws: XMLError.self) { try writer.element("a", text: text) }
                #expect(error.code == .invalidCharacter, "\(position) \(bad.unicodeScalars.first?.value ?? 0)")
            }
        }
        // Allowed neighbours of the disallowed ones: tab, LF, CR, U+FEFF, U+FFFD, U+10000.
        let allowed = "a\tb\nc\rd\u{FEFF}e\u{FFFD}f\u{10000}g\u{7F}h" + String(repeating: "ïëé", count: 5)
        let writer = try XMLWriter()
        try writer.element("a", text: allowed)
        #expect(try XMLDocument(parsing: writer.finish()).root?.textContent == allowed)
    }

    @Test func aFailedCallLeavesNoTrace() throws {
        let writer = try XMLWriter()
        try writer.startElement("a", namespace: "urn:one", prefix: "p")
        #expect(throws: XMLError.self) { try writer.element("b", text: "bad\u{0}") }
        try writer.element("c", text: "good")
        try writer.endElement()
        #expect(string(try writer.finish()).hasSuffix(#"<p:a xmlns:p="urn:one"><c>good</c></p:a>"# + "\n"))
    }

    @Test func invalidNamesAreRejected() throws {
        let writer = try XMLWriter()
        for name in ["", "1st", "has space", "a:b", "<x>", "-lead"] {
            let error = try #require(throws: XMLError.self) { try writer.startElement(name) }
            #expect(error.code == .invalidName)
        }
        try writer.startElement("Straße")
        #expect(throws: XMLError.self) { try writer.attribute("xmlns", "urn:x") }
        #expect(throws: XMLError.self) { try writer.startElement("a", prefix: "p") }
    }

    @Test func callsOutOfOrderAreRejected() throws {
        let writer = try XMLWriter()
        #expect(throws: XMLError.self) { try writer.text("before root") }
        #expect(throws: XMLError.self) { try writer.finish() }
        try writer.startElement("a")
        #expect(try #require(throws: XMLError.self) { try writer.finish() }.message == "<a> is still open")
        try writer.endElement()
        #expect(throws: XMLError.self) { try writer.endElement() }
        #expect(throws: XMLError.self) { try writer.startElement("second") }
        _ = try writer.finish()
        #expect(throws: XMLError.self) { try writer.finish() }
    }

    @Test func prettyPrintingIndentsElementsButNotText() throws {
        let writer = try XMLWriter(options: .init(prettyPrinted: true))
        try writer.element("a") { w in
            try w.element("b") { try $0.element("c", text: "text stays") }
            try w.element("d") { w in
                try w.text("mixed ")
                try w.element("e", text: "content")
            }
        }
        #expect(string(try writer.finish()) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <a>
              <b>
                <c>text stays</c>
              </b>
              <d>mixed <e>content</e></d>
            </a>

            """)
    }

    @Test func copyingAParsedElementKeepsNamespacesAndContent() throws {
        let source = try XMLDocument(parsing: XMLFixtures.missedBin)
        let address = try #require(
            try XPathEvaluator(document: source).nodes(
                try XPathExpression("//bs:Address", namespaces: ["bs": "urn:example:bs7666:address:1"])
            ).first)
        let writer = try XMLWriter()
        try writer.element("Copy", namespace: "urn:copy") { try $0.copy(address) }
        let output = string(try writer.finish())
        let copied = try #require(try XMLDocument(parsing: output).root?.childElements.first)
        #expect(copied.namespaceURI == "urn:example:bs7666:address:1")
        #expect(copied.prefix == "bs7666")
        #expect(copied.attributes == address.attributes)
        #expect(copied.childElements.map(\.textContent) == address.childElements.map(\.textContent))
    }
}
