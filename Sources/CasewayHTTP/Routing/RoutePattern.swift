/// A path pattern such as `/v1/cases/{id}/updates`: literal segments and `{name}` parameter segments.
public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    /// One `/`-separated part of a pattern.
    public enum Segment: Sendable, Hashable {
        /// Matches exactly this text (after percent-decoding the request's segment).
        case literal(String)
        /// Matches any non-empty segment and captures it, percent-decoded, under this name.
        case parameter(String)
    }

    /// The segments after the leading `/`.
    public let segments: [Segment]
    /// The pattern as written.
    public let description: String

    /// Parses a pattern; a segment is a parameter when it is `{name}` with a non-empty name, literal otherwise.
    public init(_ pattern: String) {
        description = pattern
        let trimmed = pattern.hasPrefix("/") ? pattern.dropFirst() : Substring(pattern)
        segments = trimmed.split(separator: "/", omittingEmptySubsequences: false).map { part in
            if part.count > 2, part.hasPrefix("{"), part.hasSuffix("}") {
                return .parameter(String(part.dropFirst().dropLast()))
            }
            return .literal(String(part))
        }
    }

    /// The captured parameters when `path` (already split and decoded) matches; nil otherwise.
    func match(_ path: [String]) -> [String: String]? {
        guard path.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, path) {
            switch segment {
            case .literal(let text):
                guard text == part else { return nil }
            case .parameter(let name):
                guard !part.isEmpty else { return nil }
                parameters[name] = part
            }
        }
        return parameters
    }

    /// Whether this pattern is more specific than `other` for the same path: the first segment where
    /// they differ is literal here and a parameter there (`/dead-letters/replay` beats `/dead-letters/{id}`).
    func isMoreSpecific(than other: RoutePattern) -> Bool {
        for (mine, theirs) in zip(segments, other.segments) {
            switch (mine, theirs) {
            case (.literal, .parameter): return true
            case (.parameter, .literal): return false
            default: continue
            }
        }
        return false
    }
}
