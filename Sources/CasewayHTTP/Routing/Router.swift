/// Maps a method and a path to a route; unknown paths are 404 and unknown methods 405 with `Allow`.
public struct Router: Sendable {
    /// The routes in registration order.
    public private(set) var routes: [Route] = []

    /// Makes an empty router.
    public init() {}

    /// Adds a route whose handler runs as a task (it may await anything).
    public mutating func add(
        _ method: HTTPMethod,
        _ pattern: String,
        bodyLimit: Int? = nil,
        handler: @escaping @Sendable (HTTPRequest) async -> HTTPResponse
    ) {
        routes.append(Route(method: method, pattern: RoutePattern(pattern), bodyLimit: bodyLimit, handler: .task(handler)))
    }

    /// Adds a route answered on the event loop thread without a task hop; the handler must never block.
    public mutating func addImmediate(
        _ method: HTTPMethod,
        _ pattern: String,
        bodyLimit: Int? = nil,
        handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) {
        routes.append(Route(method: method, pattern: RoutePattern(pattern), bodyLimit: bodyLimit, handler: .immediate(handler)))
    }

    /// Finds the route for `method` and `path` (the percent-encoded path of the request target).
    ///
    /// Among matching patterns the most specific wins; HEAD falls back to GET (RFC 9110 §9.3.2).
    public func match(_ method: HTTPMethod, path: String) -> RouteMatch {
        guard let segments = Router.decodedSegments(of: path) else { return .invalidPath }
        var best: (route: Route, parameters: [String: String])?
        var headFallback: (route: Route, parameters: [String: String])?
        var allowed: [HTTPMethod] = []
        for route in routes {
            guard let parameters = route.pattern.match(segments) else { continue }
            if !allowed.contains(route.method) { allowed.append(route.method) }
            if route.method == method {
                if best.map({ route.pattern.isMoreSpecific(than: $0.route.pattern) }) ?? true {
                    best = (route, parameters)
                }
            } else if method == .head, route.method == .get {
                if headFallback.map({ route.pattern.isMoreSpecific(than: $0.route.pattern) }) ?? true {
                    headFallback = (route, parameters)
                }
            }
        }
        if let found = best ?? headFallback {
            return .found(found.route, parameters: found.parameters)
        }
        if allowed.isEmpty { return .notFound }
        if allowed.contains(.get), !allowed.contains(.head) {
            allowed.insert(.head, at: (allowed.firstIndex(of: .get) ?? 0) + 1)
        }
        return .methodNotAllowed(allowed: allowed)
    }

    /// The path's segments after the leading `/`, each percent-decoded on its own (so `%2F` stays inside
    /// its segment); nil when an escape is malformed or a segment is not UTF-8.
    static func decodedSegments(of path: String) -> [String]? {
        var utf8 = Substring(path).utf8
        if utf8.first == ASCII.slash { utf8 = utf8.dropFirst() }
        var segments: [String] = []
        for part in utf8.split(separator: ASCII.slash, omittingEmptySubsequences: false) {
            guard let decoded = PercentDecoding.decode(part) else { return nil }
            segments.append(decoded)
        }
        return segments
    }
}
