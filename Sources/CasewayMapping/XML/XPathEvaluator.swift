import CLibXML2

/// Evaluates compiled XPath expressions against one document, reusing one libxml2 context.
///
/// Not Sendable: it owns an `xmlXPathContext`, which libxml2 allows only one thread to use at a
/// time. Make one per document per task (it is cheap next to parsing); the document and the
/// expressions it evaluates may be shared freely.
///
/// Bounds: libxml2 has no timeout. What bounds an evaluation here is the document (parsed with
/// size and depth limits), libxml2's compiled-in recursion and node-set limits, and
/// `operationLimit`, libxml2's own counter of evaluation steps and visited nodes (2.9.14's
/// `opLimit`), which stops a quadratic expression such as `//a[count(//a) > 0]` on a large
/// document instead of letting it run for minutes.
public final class XPathEvaluator {
    /// Enough for any sensible mapping expression on a document within the default parse limits,
    /// while stopping a runaway one within roughly a second.
    public static let defaultOperationLimit = 10_000_000

    /// The document the expressions are evaluated against.
    public let document: XMLDocument
    /// The most evaluation steps one evaluation may take.
    public var operationLimit: Int
    private let context: xmlXPathContextPtr
    private var registeredNamespaces: [String: String] = [:]

    /// An evaluator for `document`.
    public init(document: XMLDocument, operationLimit: Int = XPathEvaluator.defaultOperationLimit) throws {
        _ = LibXML2.initialized
        guard let context = xmlXPathNewContext(document.pointer) else {
            throw XMLError(.libxml2Failure, "libxml2 could not create an XPath context")
        }
        // Without an error callback libxml2 prints evaluation errors through its global handler.
        context.pointee.error = { _, _ in }
        self.document = document
        self.operationLimit = operationLimit
        self.context = context
    }

    deinit {
        xmlXPathFreeContext(context)
    }

    /// Evaluates `expression` with `node` (default: the document node) as the context node.
    public func evaluate(_ expression: XPathExpression, at node: XMLNode? = nil) throws -> XPathValue {
        try withResult(expression, at: node) { result in
            switch result.pointee.type {
            case XPATH_NODESET: return .nodes(try nodes(result, expression))
            case XPATH_STRING: return .string(LibXML2.string(result.pointee.stringval) ?? "")
            case XPATH_NUMBER: return .number(result.pointee.floatval)
            case XPATH_BOOLEAN: return .boolean(result.pointee.boolval != 0)
            default:
                throw XMLError(
                    .xpathEvaluation, "XPath '\(expression.source)' returned a value that is not an XPath 1.0 type")
            }
        }
    }

    /// The result converted as XPath's `string()` does (first node's text for a node-set).
    public func string(_ expression: XPathExpression, at node: XMLNode? = nil) throws -> String {
        try withResult(expression, at: node) { LibXML2.consume(xmlXPathCastToString($0)) ?? "" }
    }

    /// The result converted as XPath's `number()` does (NaN when it is not a number).
    public func number(_ expression: XPathExpression, at node: XMLNode? = nil) throws -> Double {
        try withResult(expression, at: node) { xmlXPathCastToNumber($0) }
    }

    /// The result converted as XPath's `boolean()` does (a node-set is true when not empty).
    public func boolean(_ expression: XPathExpression, at node: XMLNode? = nil) throws -> Bool {
        try withResult(expression, at: node) { xmlXPathCastToBoolean($0) != 0 }
    }

    /// The nodes the expression selects, in document order; an error when it is not a node-set.
    public func nodes(_ expression: XPathExpression, at node: XMLNode? = nil) throws -> [XMLNode] {
        try withResult(expression, at: node) { result in
            guard result.pointee.type == XPATH_NODESET else {
                throw XMLError(.xpathEvaluation, "XPath '\(expression.source)' does not select nodes")
            }
            return try nodes(result, expression)
        }
    }

    private func withResult<Result>(
        _ expression: XPathExpression,
        at node: XMLNode?,
        _ body: (xmlXPathObjectPtr) throws -> Result
    ) throws -> Result {
        let contextNode = node ?? document.node
        guard contextNode.document === document else {
            throw XMLError(
                .xpathEvaluation, "XPath '\(expression.source)' was given a context node from another document")
        }
        if registeredNamespaces != expression.namespaces {
            xmlXPathRegisteredNsCleanup(context)
            registeredNamespaces = [:]
            try Self.register(expression.namespaces, in: context, source: expression.source)
            registeredNamespaces = expression.namespaces
        }
        // libxml2 may leave these changed after an evaluation, so every evaluation sets them.
        context.pointee.node = contextNode.genericPointer
        context.pointee.contextSize = -1
        context.pointee.proximityPosition = -1
        context.pointee.opLimit = UInt(max(operationLimit, 1))
        context.pointee.opCount = 0
        context.pointee.depth = 0
        xmlResetError(&context.pointee.lastError)
        let result = try expression.withCompiled { xmlXPathCompiledEval($0, context) }
        guard let result else {
            throw XMLError.xpath(.xpathEvaluation, context.pointee.lastError, source: expression.source)
        }
        defer { xmlXPathFreeObject(result) }
        return try body(result)
    }

    private func nodes(_ result: xmlXPathObjectPtr, _ expression: XPathExpression) throws -> [XMLNode] {
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else {
            return []
        }
        xmlXPathNodeSetSort(set)
        var nodes: [XMLNode] = []
        nodes.reserveCapacity(Int(set.pointee.nodeNr))
        for index in 0..<Int(set.pointee.nodeNr) {
            guard let raw = table[index] else { continue }
            // Namespace nodes are copies owned by the result, freed with it: no handle may outlive it.
            guard caseway_node_type(raw) != XML_NAMESPACE_DECL else {
                throw XMLError(
                    .xpathEvaluation,
                    "XPath '\(expression.source)' selects namespace nodes; select their string value instead")
            }
            nodes.append(XMLNode(document: document, raw: UnsafeMutableRawPointer(raw)))
        }
        return nodes
    }

    /// Declares `namespaces` in an XPath context.
    static func register(_ namespaces: [String: String], in context: xmlXPathContextPtr, source: String) throws {
        for (prefix, uri) in namespaces {
            let status = LibXML2.withXMLString(prefix) { prefix in
                LibXML2.withXMLString(uri) { uri in xmlXPathRegisterNs(context, prefix, uri) }
            }
            guard status == 0 else {
                throw XMLError(.invalidXPath, "cannot declare prefix '\(prefix)' for '\(uri)' in XPath '\(source)'")
            }
        }
    }
}
