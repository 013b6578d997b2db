import CasewayMapping

/// Where the back office's own reference (an enquiry number) is in a successful answer.
public enum ResponseReference: Sendable {
    /// A JSONPath into a JSON answer, e.g. `$.reference`.
    case json(JSONPath)
    /// An XPath into an XML or SOAP answer, its prefixes bound when the configuration loads.
    case xpath(XPathExpression)
}
