import CLibXML2

extension XMLWriter {
    /// What a writer tracks while it builds a document.
    struct State {
        /// The open elements, outermost first.
        var open: [OpenElement]
        /// Namespace declarations of the open elements, outermost first; a nil prefix is the
        /// default namespace and an empty URI undeclares it.
        var declarations: [(prefix: String?, uri: String, namespace: UnsafeMutablePointer<xmlNs>)]
        var hasRoot = false
        var finished = false
        /// How many `nsN` prefixes have been made up for namespaced attributes.
        var generatedPrefixes = 0

        init() {
            // Room for typical depths, so building a document does not regrow these.
            open = []
            open.reserveCapacity(16)
            declarations = []
            declarations.reserveCapacity(8)
        }
    }
}
