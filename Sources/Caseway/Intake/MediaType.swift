import CasewayMapping

/// A `Content-Type` value split into its type and the parameters Caseway cares about.
public struct MediaType: Sendable, Hashable, CustomStringConvertible {
    /// `type/subtype`, lower-cased: `application/json`.
    public var essence: String
    /// The `charset` parameter, lower-cased and unquoted; nil when absent.
    public var charset: String?

    /// Parses `type/subtype; name=value; …` (RFC 9110 §8.3.1); nil when there is no `type/subtype`.
    public init?(_ text: String) {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false)
        guard let first = parts.first else { return nil }
        let essence = TextTransforms.trim(first).lowercased()
        let pieces = essence.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty,
            essence.allSatisfy({ $0.isASCII && !$0.isWhitespace })
        else { return nil }
        self.essence = essence
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, TextTransforms.trim(pair[0]).lowercased() == "charset" else { continue }
            var value = TextTransforms.trim(pair[1])
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            charset = value.lowercased()
        }
    }

    public var description: String {
        charset.map { "\(essence); charset=\($0)" } ?? essence
    }

    /// Whether this is JSON: `application/json` or a `+json` type.
    public var isJSON: Bool { essence == "application/json" || essence.hasSuffix("+json") }

    /// Whether this is XML: `application/xml`, `text/xml` or a `+xml` type.
    public var isXML: Bool { essence == "application/xml" || essence == "text/xml" || essence.hasSuffix("+xml") }
}
