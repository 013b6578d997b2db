/// The result of an XPath 1.0 expression: one of its four types.
public enum XPathValue: Sendable, Hashable {
    /// A node-set, in document order.
    case nodes([XMLNode])
    case string(String)
    case number(Double)
    case boolean(Bool)
}
