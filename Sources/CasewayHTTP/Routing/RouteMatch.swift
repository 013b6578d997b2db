/// The outcome of looking a request up in a `Router`.
public enum RouteMatch: Sendable {
    /// A route answers this method and path; `parameters` holds its decoded `{name}` segments.
    case found(Route, parameters: [String: String])
    /// No pattern matches the path: 404.
    case notFound
    /// Patterns match the path, but none for this method: 405 with these methods in `Allow`.
    case methodNotAllowed(allowed: [HTTPMethod])
    /// The path has a malformed percent-escape or does not decode to UTF-8: 400.
    case invalidPath
}
