extension XMLDocument {
    /// The SOAP version, when the root element is a SOAP 1.1 or 1.2 `Envelope` (by namespace,
    /// whatever prefix or default namespace the sender used).
    public var soapVersion: SOAPVersion? {
        guard let root, root.localName == "Envelope", let namespace = root.namespaceURI else { return nil }
        return SOAPVersion(envelopeNamespace: namespace)
    }

    /// The envelope's `Body` element; throws `notSOAP` when the document is not a SOAP envelope.
    public func soapBody() throws -> XMLNode {
        guard let version = soapVersion, let root else {
            let found = root.map { "{\($0.namespaceURI ?? "")}\($0.localName)" } ?? "nothing"
            throw XMLError(
                .notSOAP, "not a SOAP 1.1 or 1.2 envelope: the root element is \(found)", sourceName: sourceName)
        }
        guard let body = root.firstChildElement(named: "Body", namespace: version.envelopeNamespace) else {
            throw XMLError(.notSOAP, "the SOAP \(version.rawValue) envelope has no Body", sourceName: sourceName)
        }
        return body
    }
}
