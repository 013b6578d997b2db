extension XMLDocument {
    /// Limits and choices for parsing; the defaults suit a request body at Caseway's intake.
    public struct Options: Sendable, Equatable {
        /// The largest input accepted, in bytes, checked before parsing starts.
        public var maxInputBytes: Int
        /// The deepest element nesting accepted (the root element is depth 1). libxml2's own limit
        /// is 256; this one is lower so hostile nesting is refused long before it costs anything.
        public var maxDepth: Int
        /// The longest run of character data (text and CDATA between two tags) accepted, in bytes.
        public var maxTextBytes: Int
        /// Keep whitespace-only text between elements (indentation). Off by default: it is layout,
        /// not data, and dropping it makes `textContent` of a container and pretty-printing clean.
        /// libxml2 keeps whitespace that sits in mixed content or alone inside a leaf element.
        public var keepsIgnorableWhitespace: Bool

        public init(
            maxInputBytes: Int = 4 * 1024 * 1024,
            maxDepth: Int = 64,
            maxTextBytes: Int = 1024 * 1024,
            keepsIgnorableWhitespace: Bool = false
        ) {
            self.maxInputBytes = maxInputBytes
            self.maxDepth = maxDepth
            self.maxTextBytes = maxTextBytes
            self.keepsIgnorableWhitespace = keepsIgnorableWhitespace
        }
    }
}
