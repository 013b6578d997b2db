import CasewayMapping

/// How submitted bodies are read: limits on XML, and where an XML body keeps the sender's reference.
public struct IntakeSettings: Sendable {
    /// The sender's reference in an XML body (an XPath compiled with the configured prefixes); nil when
    /// XML senders give none. JSON bodies carry it at `source.reference` (the native request format).
    public var xmlSenderReference: XPathExpression?
    /// The XML namespace prefixes declared for intake (`intake.xml.namespaces`); XPaths on cases in
    /// connector files (routing conditions, file names) use them too.
    public var namespaces: [String: String] = [:]
    /// Deepest element or object nesting accepted in a body.
    public var maxDepth: Int = 64

    public init(xmlSenderReference: XPathExpression? = nil) {
        self.xmlSenderReference = xmlSenderReference
    }
}
