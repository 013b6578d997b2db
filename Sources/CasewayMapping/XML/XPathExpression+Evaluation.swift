extension XPathExpression {
    /// Evaluates the expression once against `document`, from `node` (default: the document node).
    /// For several evaluations on one document, an `XPathEvaluator` reuses its libxml2 context.
    public func evaluate(in document: XMLDocument, at node: XMLNode? = nil) throws -> XPathValue {
        try XPathEvaluator(document: document).evaluate(self, at: node)
    }
}
