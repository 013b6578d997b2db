extension JSONParser {
    /// Which grammar the parser accepts.
    public enum Dialect: Sendable, Hashable {
        /// Strict RFC 8259, for request bodies: no comments, no trailing commas, no byte order mark.
        case json
        /// JSON5 (https://spec.json5.org), for configuration written by hand: comments, unquoted keys,
        /// single quotes, trailing commas, hex, `Infinity` and `NaN`.
        case json5
    }
}
