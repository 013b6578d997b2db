/// A parsed input document, ready for its sources to be evaluated.
enum MappingInputDocument {
    case json(JSONValue)
    case xml(XMLDocument, XPathEvaluator)
}
