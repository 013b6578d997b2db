extension XMLWriter {
    /// Writes `prefix:Envelope` / `prefix:Body` in `version`'s namespace around what `body`
    /// writes, with a `prefix:Header` around what `header` writes when one is given.
    public func soapEnvelope(
        _ version: SOAPVersion,
        prefix: String = "soap",
        header: ((XMLWriter) throws -> Void)? = nil,
        body: (XMLWriter) throws -> Void
    ) throws {
        let namespace = version.envelopeNamespace
        try startElement("Envelope", namespace: namespace, prefix: prefix)
        if let header {
            try element("Header", namespace: namespace, prefix: prefix, header)
        }
        try element("Body", namespace: namespace, prefix: prefix, body)
        try endElement()
    }

    /// A complete SOAP message whose Body holds a copy of `body` (an element of a parsed document).
    public static func soapEnvelope(
        wrapping body: XMLNode,
        version: SOAPVersion,
        prefix: String = "soap",
        options: Options = Options()
    ) throws -> [UInt8] {
        let writer = try XMLWriter(options: options)
        try writer.soapEnvelope(version, prefix: prefix) { try $0.copy(body) }
        return try writer.finish()
    }
}
