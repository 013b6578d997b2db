/// Where a field's value comes from.
indirect enum ValueSource: Sendable {
    /// A JSONPath into JSON input.
    case jsonPath(JSONPath)
    /// An XPath 1.0 expression over XML input.
    case xpath(XPathExpression)
    /// A value written in the mapping.
    case constant(MappingValue)
    /// A value the hub passes with the document (`case_id`), not read from it.
    case variable(String)
    /// Several sources, each with its own transforms; the value is the list of their values.
    case combined([SourceRule])

    /// The source as messages name it.
    var label: String? {
        switch self {
        case .jsonPath(let path): path.source
        case .xpath(let expression): expression.source
        case .constant: nil
        case .variable(let name): "variable \(name)"
        case .combined(let rules): rules.compactMap(\.source.label).joined(separator: ", ")
        }
    }
}
