import Testing
@testable import CasewayMapping

struct SOAPTests {
    static let soap11 = "http://schemas.xmlsoap.org/soap/envelope/"
    static let soap12 = "http://www.w3.org/2003/05/soap-envelope"
    static let remedy = "http://highways.example.org/remedy/"

    private func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func envelopesUseEachVersionsNamespace() throws {
        for (version, namespace) in [(SOAPVersion.soap11, Self.soap11), (.soap12, Self.soap12)] {
            let writer = try XMLWriter()
            try writer.soapEnvelope(version) { w in
                try w.element("CreateEnquiry", namespace: Self.remedy, prefix: "hw") { w in
                    try w.element("xDoc", namespace: Self.remedy, prefix: "hw") { try $0.element("wdmenquiry", text: "x") }
                }
            }
            let output = string(try writer.finish())
            #expect(output.hasPrefix("""
                <?xml version="1.0" encoding="UTF-8"?>
                <soap:Envelope xmlns:soap="\(namespace)"><soap:Body><hw:CreateEnquiry xmlns:hw="\(Self.remedy)">
                """))
            let document = try XMLDocument(parsing: output)
            #expect(document.soapVersion == version)
            #expect(try document.soapBody().childElements.first?.localName == "CreateEnquiry")
            #expect(try SOAPFault.detect(in: document) == nil)
        }
    }

    @Test func headerIsWrittenWhenGiven() throws {
        let writer = try XMLWriter()
        try writer.soapEnvelope(.soap12, prefix: "env", header: { try $0.element("Trace", namespace: "urn:t", text: "1") }) {
            try $0.element("Ping", namespace: "urn:t", text: "")
        }
        let output = string(try writer.finish())
        #expect(output.contains(#"<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Header><Trace xmlns="urn:t">1</Trace></env:Header><env:Body>"#))
    }

    @Test func wrapsAParsedBodyElement() throws {
        // The enquiry as the mapping produced it, taken out of the sample envelope.
        let sample = try XMLDocument(parsing: XMLFixtures.highwaysEnquirySOAP)
        let operation = try #require(try sample.soapBody().childElements.first)
        #expect(operation.qualifiedName == "hw:CreateEnquiry")

        let message = try XMLWriter.soapEnvelope(wrapping: operation, version: .soap11)
        let wrapped = try XMLDocument(parsing: message)
        #expect(wrapped.soapVersion == .soap11)
        let reference = try XPathExpression(
            "string(/soap:Envelope/soap:Body/hw:CreateEnquiry/hw:xDoc/wdmenquiry/external_system_reference)",
            namespaces: ["soap": Self.soap11, "hw": Self.remedy])
        #expect(try reference.evaluate(in: wrapped) == .string("CWY-26-000417"))
        let comments = try XPathExpression("string(//wdmenquiry/comments)")
        #expect(try comments.evaluate(in: wrapped) == comments.evaluate(in: sample))

        let soap12 = try XMLDocument(parsing: XMLWriter.soapEnvelope(wrapping: operation, version: .soap12, prefix: "env"))
        #expect(soap12.soapVersion == .soap12)
        #expect(soap12.root?.qualifiedName == "env:Envelope")
    }

    @Test func successResponseHasNoFault_AndItsPayloadIsInTheBody() throws {
        let response = try XMLDocument(parsing: XMLFixtures.highwaysEnquiryResponse)
        #expect(try SOAPFault.detect(in: response) == nil)
        let payload = try #require(try response.soapBody().childElements.first)
        #expect(payload.localName == "CreateEnquiryResponse")
        #expect(payload.namespaceURI == Self.remedy)
        #expect(payload.prefix == nil)
    }

    @Test func soap11Fault_GivesCodeReasonAndDetail() throws {
        let response = try XMLDocument(parsing: XMLFixtures.highwaysEnquiryFault)
        let fault = try #require(try SOAPFault.detect(in: response))
        #expect(fault.version == .soap11)
        #expect(fault.code == "soap:Client")
        #expect(fault.codeNamespace == Self.soap11)
        #expect(fault.codeLocalName == "Client")
        #expect(fault.isSenderFault)
        #expect(fault.reason == "Enquiry not created: external system reference CWY-26-000417 is already held by enquiry HE/2026/048213")
        // On a retry the duplicate means "already done": the existing reference is in the detail.
        let detail = try #require(fault.detail)
        let existing = try XPathExpression("string(hw:EnquiryFault/hw:ExistingEnquiryReference)", namespaces: ["hw": Self.remedy])
        #expect(try XPathEvaluator(document: response).string(existing, at: detail) == "HE/2026/048213")
    }

    @Test func faultIsMatchedByNamespace_NotByPrefix() throws {
        let defaultNamespace = try XMLDocument(parsing: """
            <Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/">
              <Body><Fault><faultcode>Server</faultcode><faultstring> Database unavailable </faultstring></Fault></Body>
            </Envelope>
            """)
        let fault = try #require(try SOAPFault.detect(in: defaultNamespace))
        #expect(fault.codeLocalName == "Server")
        #expect(fault.codeNamespace == Self.soap11)
        #expect(fault.reason == "Database unavailable")
        #expect(!fault.isSenderFault)

        // A "soap:Fault" whose prefix is bound to some other namespace is not a SOAP fault.
        let impostor = try XMLDocument(parsing: """
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:soap="urn:not-soap">
              <s:Body><soap:Fault><faultcode>x</faultcode></soap:Fault></s:Body>
            </s:Envelope>
            """)
        #expect(try SOAPFault.detect(in: impostor) == nil)
    }

    @Test func soap12Fault_GivesCodeSubcodesAndEnglishReason() throws {
        let response = try XMLDocument(parsing: """
            <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:hw="http://highways.example.org/remedy/">
              <env:Body>
                <env:Fault>
                  <env:Code>
                    <env:Value>env:Sender</env:Value>
                    <env:Subcode><env:Value>hw:DuplicateReference</env:Value></env:Subcode>
                  </env:Code>
                  <env:Reason>
                    <env:Text xml:lang="cy">Cyfeirnod dyblyg</env:Text>
                    <env:Text xml:lang="en-GB">Duplicate reference</env:Text>
                  </env:Reason>
                  <env:Role>http://highways.example.org/remedy/intake</env:Role>
                  <env:Detail><hw:Existing>HE/2026/048213</hw:Existing></env:Detail>
                </env:Fault>
              </env:Body>
            </env:Envelope>
            """)
        let fault = try #require(try SOAPFault.detect(in: response))
        #expect(fault.version == .soap12)
        #expect(fault.code == "env:Sender")
        #expect(fault.codeNamespace == Self.soap12)
        #expect(fault.isSenderFault)
        #expect(fault.subcodes == ["hw:DuplicateReference"])
        #expect(fault.reason == "Duplicate reference")
        #expect(fault.actor == "http://highways.example.org/remedy/intake")
        #expect(fault.detail?.childElements.first?.textContent == "HE/2026/048213")
    }

    @Test func nonSOAPDocumentsAreRefused() throws {
        let document = try XMLDocument(parsing: "<Envelope xmlns=\"urn:not-soap\"><Body/></Envelope>", sourceName: "reply")
        #expect(document.soapVersion == nil)
        let error = try #require(throws: XMLError.self) { try SOAPFault.detect(in: document) }
        #expect(error.code == .notSOAP)
        #expect(error.description == "reply: not a SOAP 1.1 or 1.2 envelope: the root element is {urn:not-soap}Envelope")
        let noBody = try XMLDocument(parsing: "<s:Envelope xmlns:s=\"\(Self.soap11)\"><s:Header/></s:Envelope>")
        #expect(throws: XMLError.self) { try noBody.soapBody() }
    }

    @Test func contentTypesFollowEachVersion() {
        #expect(SOAPVersion.soap11.contentType(action: "http://highways.example.org/remedy/CreateEnquiry") == "text/xml; charset=utf-8")
        #expect(SOAPVersion.soap12.contentType(action: "urn:a") == "application/soap+xml; charset=utf-8; action=\"urn:a\"")
        #expect(SOAPVersion(envelopeNamespace: Self.soap12) == .soap12)
    }
}
