import CLibXML2

extension XMLWriter {
    /// An element being written: its node, and where its namespace declarations start in the
    /// writer's declaration stack. Two plain values, so opening and closing costs no reference
    /// counting.
    struct OpenElement {
        let node: UnsafeMutablePointer<xmlNode>
        let firstDeclaration: Int

        /// The name as written, for error messages.
        var qualifiedName: String {
            let localName = LibXML2.string(node.pointee.name) ?? ""
            guard let prefix = LibXML2.string(node.pointee.ns?.pointee.prefix) else { return localName }
            return "\(prefix):\(localName)"
        }
    }
}
