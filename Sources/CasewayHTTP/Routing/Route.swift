/// One registered route: a method, a path pattern, the body limit for its requests and its handler.
public struct Route: Sendable {
    /// The method this route answers (HEAD is also answered by a GET route).
    public let method: HTTPMethod
    /// The path pattern.
    public let pattern: RoutePattern
    /// The largest request content accepted, in bytes; nil means the server's default.
    public let bodyLimit: Int?
    /// What answers the request.
    public let handler: HTTPHandler

    /// Makes a route.
    public init(method: HTTPMethod, pattern: RoutePattern, bodyLimit: Int? = nil, handler: HTTPHandler) {
        self.method = method
        self.pattern = pattern
        self.bodyLimit = bodyLimit
        self.handler = handler
    }
}
