extension XMLWriter {
    /// Writes a copy of `node` at the current position: an element with its namespaces,
    /// attributes and content; text; CDATA; or (for a document) its root element.
    /// Comments and processing instructions are not data and are left out.
    public func copy(_ node: XMLNode) throws {
        switch node.kind {
        case .element:
            try startElement(node.localName, namespace: node.namespaceURI, prefix: node.prefix)
            // Declarations the element carries may be used by QNames in content (`soap:Client`,
            // `xsi:type="xsd:string"`), so they are kept even when no name uses them.
            for declaration in node.namespaceDeclarations {
                try declareNamespace(declaration.uri, prefix: declaration.prefix)
            }
            for attribute in node.attributes {
                try self.attribute(
                    attribute.localName, attribute.value, namespace: attribute.namespaceURI, prefix: attribute.prefix)
            }
            for child in node.children { try copy(child) }
            try endElement()
        case .attribute:
            try attribute(node.localName, node.textContent, namespace: node.namespaceURI, prefix: node.prefix)
        case .text:
            try text(node.textContent)
        case .cdata:
            try cdata(node.textContent)
        case .document:
            if let root = node.document.root { try copy(root) }
        case .comment, .processingInstruction, .other:
            return
        }
    }
}
