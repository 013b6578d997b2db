/// One attribute of an element, with its namespace.
public struct XMLAttribute: Sendable, Hashable {
    /// The name without its prefix.
    public var localName: String
    /// The prefix as written, if any (an unprefixed attribute is in no namespace).
    public var prefix: String?
    /// The namespace the prefix stood for.
    public var namespaceURI: String?
    /// The value, with entity and character references resolved.
    public var value: String

    public init(localName: String, prefix: String? = nil, namespaceURI: String? = nil, value: String) {
        self.localName = localName
        self.prefix = prefix
        self.namespaceURI = namespaceURI
        self.value = value
    }

    /// `prefix:localName`, or the local name alone.
    public var qualifiedName: String { prefix.map { "\($0):\(localName)" } ?? localName }
}
