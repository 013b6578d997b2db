extension JSONParseError {
    /// The kind of a parse fault. A struct rather than an enum so kinds can be added without breaking callers.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: Sendable, Hashable {
            case invalidUTF8, byteOrderMark, unexpectedEnd, syntax, duplicateKey, nestingTooDeep
        }

        private let code: Code

        private init(_ code: Code) {
            self.code = code
        }

        /// The bytes are not UTF-8: an invalid sequence, or a UTF-16/UTF-32 byte order mark.
        public static let invalidUTF8 = Kind(.invalidUTF8)
        /// A UTF-8 byte order mark before a strict JSON text, which RFC 8259 forbids senders to add.
        public static let byteOrderMark = Kind(.byteOrderMark)
        /// The text stops before the value is complete (a truncated upload).
        public static let unexpectedEnd = Kind(.unexpectedEnd)
        /// Anything else that breaks the grammar of the dialect.
        public static let syntax = Kind(.syntax)
        /// The same key twice in one object; refused rather than letting one value silently win.
        public static let duplicateKey = Kind(.duplicateKey)
        /// Containers nested deeper than the parser's `maxDepth`.
        public static let nestingTooDeep = Kind(.nestingTooDeep)

        /// The kind's name, for logs and metrics labels.
        public var description: String {
            switch code {
            case .invalidUTF8: "invalidUTF8"
            case .byteOrderMark: "byteOrderMark"
            case .unexpectedEnd: "unexpectedEnd"
            case .syntax: "syntax"
            case .duplicateKey: "duplicateKey"
            case .nestingTooDeep: "nestingTooDeep"
            }
        }
    }
}
