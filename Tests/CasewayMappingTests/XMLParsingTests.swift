import Testing
@testable import CasewayMapping

struct XMLParsingTests {
    static let serviceRequestNS = "urn:example:kestrel-vale:crm:service-request:2"
    static let bs7666NS = "urn:example:bs7666:address:1"

    private func parseError(
        _ text: String, sourceName: String = "input", options: XMLDocument.Options = .init()
    ) throws -> XMLError {
        try #require(throws: XMLError.self) { try XMLDocument(parsing: text, sourceName: sourceName, options: options) }
    }

    @Test func missedBinRequest_ReadsNamespacesAttributesAndCDATA() throws {
        let document = try XMLDocument(parsing: XMLFixtures.missedBin, sourceName: "missed-bin.xml")
        let root = try #require(document.root)
        #expect(root.localName == "ServiceRequest")
        #expect(root.namespaceURI == Self.serviceRequestNS)
        #expect(root.prefix == nil)
        #expect(root.attribute("version") == "2.3")
        #expect(root.attributes.map(\.localName) == ["version", "created"])

        // What the intake reads to record the sender's reference.
        let source = try #require(root.firstChildElement(named: "Source", namespace: Self.serviceRequestNS))
        #expect(source.attribute("reference") == "CRM-00731942")
        #expect(source.attribute("system") == "kv-contact-centre-crm")
        #expect(source.attribute("reference", namespace: Self.serviceRequestNS) == nil)

        let description = try #require(root.firstChildElement(named: "Description", namespace: Self.serviceRequestNS))
        #expect(description.children.map(\.kind) == [.cdata])
        let text = description.textContent
        #expect(text.hasPrefix("Grey bin missed again — third time"))
        #expect(text.contains("(<3 weeks apart)"))
        #expect(text.contains("Corner Café"))
        #expect(text.contains("paid £25 for a replacement lid & says"))

        let location = try #require(root.firstChildElement(named: "Location", namespace: Self.serviceRequestNS))
        let address = try #require(location.firstChildElement(named: "Address", namespace: Self.bs7666NS))
        #expect(address.prefix == "bs7666")
        #expect(address.qualifiedName == "bs7666:Address")
        #expect(address.attribute("uprn") == "200003931044")
        #expect(address.childElements.map(\.localName) == ["SAON", "PAON", "StreetDescription", "Town", "PostCode"])
        #expect(address.firstChildElement(named: "PostCode", namespace: Self.bs7666NS)?.textContent == "KV3 9LT")
        #expect(address.parent == location)
        #expect(address.line == 10)

        let name = try #require(
            root.firstChildElement(named: "Reporter", namespace: Self.serviceRequestNS)?
                .firstChildElement(named: "Name", namespace: Self.serviceRequestNS))
        #expect(name.attribute("forename") == "Siobhán")
        #expect(name.attribute("surname") == "O’Donnell")
    }

    @Test func indentationIsDroppedUnlessAsked() throws {
        let dropped = try XMLDocument(parsing: XMLFixtures.missedBin)
        #expect(try #require(dropped.root).children.allSatisfy { $0.kind == .element })

        let kept = try XMLDocument(parsing: XMLFixtures.missedBin, options: .init(keepsIgnorableWhitespace: true))
        #expect(try #require(kept.root).children.contains { $0.kind == .text })
    }

    @Test func whitespaceInsideALeafIsKept() throws {
        let document = try XMLDocument(parsing: "<a><b> </b><c>x <i>y</i> z</c></a>")
        let root = try #require(document.root)
        #expect(root.childElements[0].textContent == " ")
        #expect(root.childElements[1].textContent == "x y z")
    }

    @Test func xxe_IsRefusedAsDTDNotAllowed_WithoutReadingTheFile() throws {
        let error = try parseError(XMLFixtures.xxe, sourceName: "xxe.xml")
        #expect(error.code == .doctypeNotAllowed)
        #expect(error.message == "DTD not allowed")
        #expect(error.location?.line == 2)
        #expect(error.description.hasPrefix("xxe.xml:2:"))
        #expect(!error.description.contains("root:"))
    }

    @Test func billionLaughs_IsRefusedBeforeAnyExpansion() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let error = try parseError(XMLFixtures.billionLaughs, sourceName: "billion-laughs.xml")
        // Expanding even one level further than the declarations would take seconds and gigabytes.
        #expect(clock.now - started < .seconds(1))
        #expect(error.code == .doctypeNotAllowed)
        #expect(error.message == "DTD not allowed")
        #expect(error.laterErrors.isEmpty)
    }

    @Test func anyDoctypeIsRefused_EvenWithoutEntities() throws {
        #expect(try parseError("<!DOCTYPE a>\n<a/>").code == .doctypeNotAllowed)
        #expect(try parseError(#"<!DOCTYPE a SYSTEM "http://example.org/a.dtd"><a/>"#).code == .doctypeNotAllowed)
        // A DOCTYPE-like string inside CDATA or a comment is text, not a DTD.
        let document = try XMLDocument(parsing: "<a><!-- <!DOCTYPE x> --><![CDATA[<!DOCTYPE y>]]></a>")
        #expect(document.root?.textContent == "<!DOCTYPE y>")
    }

    @Test func notWellFormed_ReportsLibxml2sMessagesWithLineAndColumn() throws {
        let error = try parseError(XMLFixtures.notWellFormed, sourceName: "not-well-formed.xml")
        #expect(error.code == .notWellFormed)
        #expect(error.description == "not-well-formed.xml:5:22: xmlParseEntityRef: no name")
        // Column 22 is the character after the bare `&`; the offset points at the same place.
        #expect(error.location?.offset == 325)
        let mismatch = try #require(error.laterErrors.first)
        #expect(mismatch.description == "not-well-formed.xml:7:18: Opening and ending tag mismatch: Location line 6 and ServiceRequest")
        #expect(mismatch.libxml2Code == 76)
    }

    @Test func undeclaredPrefixIsNotWellFormed() throws {
        let error = try parseError("<a>\n  <x:b/>\n</a>")
        #expect(error.code == .notWellFormed)
        #expect(error.message.contains("Namespace prefix x on b is not defined"))
        #expect(error.location?.line == 2)
    }

    @Test func tenThousandDeepNesting_IsRefusedAtSixtyFour() throws {
        let error = try parseError(XMLFixtures.nested(depth: 10_000))
        #expect(error.code == .nestingTooDeep)
        #expect(error.message == "nesting too deep (limit 64)")
        #expect(error.location?.line == 1)

        #expect(throws: Never.self) { try XMLDocument(parsing: XMLFixtures.nested(depth: 64)) }
        #expect(try parseError(XMLFixtures.nested(depth: 65)).code == .nestingTooDeep)
        #expect(try parseError(XMLFixtures.nested(depth: 5), options: .init(maxDepth: 4)).code == .nestingTooDeep)
    }

    @Test func textLongerThanTheLimit_IsRefused() throws {
        let options = XMLDocument.Options(maxTextBytes: 100)
        #expect(throws: Never.self) {
            try XMLDocument(parsing: "<a>" + String(repeating: "x", count: 100) + "</a>", options: options)
        }
        let text = try parseError("<a>" + String(repeating: "x", count: 101) + "</a>", options: options)
        #expect(text.code == .textTooLong)
        #expect(text.message == "text too long (limit 100 bytes)")
        let cdata = try parseError("<a><![CDATA[" + String(repeating: "x", count: 60) + "]]>" + String(repeating: "y", count: 60) + "</a>", options: options)
        #expect(cdata.code == .textTooLong)
    }

    @Test func inputOverTheByteLimit_IsRefusedBeforeParsing() throws {
        let error = try parseError("<a>" + String(repeating: "x", count: 100) + "</a>", options: .init(maxInputBytes: 50))
        #expect(error.code == .documentTooLarge)
        #expect(error.message == "document too large (107 bytes, limit 50)")
    }

    @Test func emptyInputIsNotWellFormed() throws {
        #expect(try parseError("").code == .notWellFormed)
        #expect(try parseError("   ").code == .notWellFormed)
        #expect(try parseError("<a/><b/>").code == .notWellFormed)
    }

    @Test func latin1AndASCIIAreDecoded_OtherEncodingsAreRefused() throws {
        let latin1: [UInt8] = Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><a>caf"#.utf8) + [0xE9] + Array("</a>".utf8)
        #expect(try XMLDocument(parsing: latin1).root?.textContent == "café")

        let ascii = #"<?xml version='1.0' encoding='us-ascii'?><a>plain</a>"#
        #expect(try XMLDocument(parsing: ascii).root?.textContent == "plain")

        let fakeASCII: [UInt8] = Array(#"<?xml version="1.0" encoding="US-ASCII"?><a>"#.utf8) + [0xE9] + Array("</a>".utf8)
        let asciiError = try #require(throws: XMLError.self) { try XMLDocument(parsing: fakeASCII) }
        #expect(asciiError.code == .unsupportedEncoding)
        #expect(asciiError.message.contains("byte 44 (0xE9) is not ASCII"))

        let windows = #"<?xml version="1.0" encoding="windows-1252"?><a/>"#
        let windowsError = try parseError(windows)
        #expect(windowsError.code == .unsupportedEncoding)
        #expect(windowsError.message.contains("'windows-1252' is not supported"))

        let utf16: [UInt8] = [0xFF, 0xFE] + "<a/>".utf8.flatMap { [$0, 0] }
        #expect(try #require(throws: XMLError.self) { try XMLDocument(parsing: utf16) }.code == .unsupportedEncoding)
    }

    @Test func invalidUTF8IsRefusedAsAnEncodingError() throws {
        let bytes: [UInt8] = Array("<a>caf".utf8) + [0xE9] + Array("</a>".utf8)
        let error = try #require(throws: XMLError.self) { try XMLDocument(parsing: bytes) }
        #expect(error.code == .unsupportedEncoding)
        #expect(error.message == "the document is not valid UTF-8 at byte 6")
    }

    @Test func utf8ByteOrderMarkIsAccepted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"<?xml version="1.0" encoding="UTF-8"?><a>é</a>"#.utf8)
        #expect(try XMLDocument(parsing: bytes).root?.textContent == "é")
    }

    @Test func oneDocumentCanBeReadFromManyTasks() async throws {
        let document = try XMLDocument(parsing: XMLFixtures.missedBin)
        let references = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var last: String?
                    for _ in 0..<200 {
                        last = document.root?.firstChildElement(named: "Source", namespace: Self.serviceRequestNS)?
                            .attribute("reference")
                    }
                    return last
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(references == Array(repeating: "CRM-00731942", count: 8))
    }
}

struct XMLEncodingCheckTests {
    @Test func invalidUTF8_IsRefusedWithItsOffsetBeforeLibxml2SeesIt() throws {
        var bytes = Array("<?xml version=\"1.0\"?><a>caf".utf8)
        bytes += [0xC3, 0x28]  // a lead byte followed by a byte that cannot continue it
        bytes += Array("</a>".utf8)
        do {
            _ = try XMLDocument(parsing: bytes)
            Issue.record("invalid UTF-8 was accepted")
        } catch let error as XMLError {
            #expect(error.code == .unsupportedEncoding)
            #expect(error.message == "the document is not valid UTF-8 at byte 27")
        }
        #expect(throws: XMLError.self) { try XMLDocument(parsing: [0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E]) }
        let good = try XMLDocument(parsing: "<a>Siobhán — £25</a>")
        #expect(good.root?.textContent == "Siobhán — £25")
    }
}
