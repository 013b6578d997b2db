/// An element, attribute or member name, with its namespace when XML output declares one.
struct OutputName: Sendable {
    var localName: String
    var prefix: String?
    var namespace: String?

    /// `.`: the enclosing element's own text, or a group item's whole value.
    var isSelf: Bool { localName == "." }
}
