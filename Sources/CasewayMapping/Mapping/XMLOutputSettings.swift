/// How XML output is framed: the root element, namespaces, declaration, layout and SOAP envelope.
struct XMLOutputSettings: Sendable {
    var root: OutputName
    /// Prefix → namespace URI, declared on the root (or the first element that uses them).
    var namespaces: [(prefix: String, uri: String)]
    var declaration: Bool
    var pretty: Bool
    var soap: SOAPSettings?

    /// The envelope around the document, and the operation elements between `Body` and the root.
    struct SOAPSettings: Sendable {
        var version: SOAPVersion
        var prefix: String
        var wrappers: [OutputName]
    }

    static let none = XMLOutputSettings(
        root: OutputName(localName: "root"), namespaces: [], declaration: true, pretty: false, soap: nil)
}
