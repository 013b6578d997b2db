/// A parsed input document, ready for its sources to be evaluated.
enum MappingInputDocument {
    case json(JSONValue)
    /// JSON input read onto a tape (the fast path); see `JSONTape`.
    case jsonTape(JSONTape)
    case xml(XMLDocument, XPathEvaluator)
}
