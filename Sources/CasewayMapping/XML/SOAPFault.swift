/// A SOAP Fault from a response, in either version's shape, matched by namespace (not prefix).
public struct SOAPFault: Sendable, Hashable {
    /// The SOAP version of the envelope the fault came in.
    public var version: SOAPVersion
    /// The code as written: `soap:Client` (1.1 `faultcode`) or `env:Sender` (1.2 `Code/Value`).
    public var code: String
    /// The namespace the code's prefix stands for where it was written.
    public var codeNamespace: String?
    /// The code without its prefix: `Client`, `Server`, `Sender`, `Receiver`, ...
    public var codeLocalName: String
    /// SOAP 1.2 `Subcode/Value`s, outermost first, as written; empty for SOAP 1.1.
    public var subcodes: [String]
    /// The human-readable explanation: `faultstring` (1.1) or `Reason/Text` (1.2, English preferred).
    public var reason: String
    /// Who raised it: `faultactor` (1.1) or `Role` (1.2), when given.
    public var actor: String?
    /// The application-specific `detail` (1.1) or `Detail` (1.2) element, when given.
    public var detail: XMLNode?

    public init(
        version: SOAPVersion, code: String, codeNamespace: String?, codeLocalName: String,
        subcodes: [String] = [], reason: String, actor: String? = nil, detail: XMLNode? = nil
    ) {
        self.version = version
        self.code = code
        self.codeNamespace = codeNamespace
        self.codeLocalName = codeLocalName
        self.subcodes = subcodes
        self.reason = reason
        self.actor = actor
        self.detail = detail
    }

    /// True for a fault in the request (1.1 `Client`, 1.2 `Sender`): sending it again fails again.
    public var isSenderFault: Bool {
        guard codeNamespace == version.envelopeNamespace else { return false }
        switch version {
        case .soap11: return codeLocalName == "Client" || codeLocalName.hasPrefix("Client.")
        case .soap12: return codeLocalName == "Sender"
        }
    }

    /// The Fault in `document`'s SOAP Body, or nil when the Body holds something else.
    /// Throws `notSOAP` when the document is not a SOAP 1.1 or 1.2 envelope.
    public static func detect(in document: XMLDocument) throws -> SOAPFault? {
        let body = try document.soapBody()
        guard let version = document.soapVersion,
            let fault = body.firstChildElement(named: "Fault", namespace: version.envelopeNamespace)
        else { return nil }
        switch version {
        case .soap11: return soap11(fault)
        case .soap12: return soap12(fault)
        }
    }

    private static func soap11(_ fault: XMLNode) -> SOAPFault {
        // SOAP 1.1 leaves faultcode & co. unqualified; some toolkits qualify them anyway.
        func child(_ name: String) -> XMLNode? {
            fault.firstChildElement(named: name, namespace: nil)
                ?? fault.firstChildElement(named: name, namespace: SOAPVersion.soap11.envelopeNamespace)
        }
        let codeElement = child("faultcode")
        let (code, namespace, localName) = resolve(codeElement)
        return SOAPFault(
            version: .soap11, code: code, codeNamespace: namespace, codeLocalName: localName,
            reason: TextTransforms.trim(child("faultstring")?.textContent ?? ""),
            actor: child("faultactor").map { TextTransforms.trim($0.textContent) }, detail: child("detail"))
    }

    private static func soap12(_ fault: XMLNode) -> SOAPFault {
        let namespace = SOAPVersion.soap12.envelopeNamespace
        let codeElement = fault.firstChildElement(named: "Code", namespace: namespace)
        let (code, codeNamespace, localName) = resolve(codeElement?.firstChildElement(named: "Value", namespace: namespace))
        var subcodes: [String] = []
        var subcode = codeElement?.firstChildElement(named: "Subcode", namespace: namespace)
        // Bounded by the document's nesting limit.
        while let current = subcode {
            if let value = current.firstChildElement(named: "Value", namespace: namespace) {
                subcodes.append(TextTransforms.trim(value.textContent))
            }
            subcode = current.firstChildElement(named: "Subcode", namespace: namespace)
        }
        let texts = fault.firstChildElement(named: "Reason", namespace: namespace)?
            .childElements(named: "Text", namespace: namespace) ?? []
        let english = texts.first {
            ($0.attribute("lang", namespace: XMLWriter.xmlNamespace) ?? "").lowercased().hasPrefix("en")
        }
        return SOAPFault(
            version: .soap12, code: code, codeNamespace: codeNamespace, codeLocalName: localName,
            subcodes: subcodes, reason: TextTransforms.trim((english ?? texts.first)?.textContent ?? ""),
            actor: fault.firstChildElement(named: "Role", namespace: namespace).map { TextTransforms.trim($0.textContent) },
            detail: fault.firstChildElement(named: "Detail", namespace: namespace))
    }

    /// A QName written as element content, resolved against the namespaces in scope there.
    private static func resolve(_ element: XMLNode?) -> (String, String?, String) {
        guard let element else { return ("", nil, "") }
        let code = TextTransforms.trim(element.textContent)
        guard let colon = code.firstIndex(of: ":") else {
            return (code, element.namespaceURI(forPrefix: nil), code)
        }
        let prefix = String(code[..<colon])
        return (code, element.namespaceURI(forPrefix: prefix), String(code[code.index(after: colon)...]))
    }
}
