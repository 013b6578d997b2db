/// A complete request as handed to a handler: head, buffered body and the route's path parameters.
public struct HTTPRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The request-target exactly as received (RFC 9112 §3.2).
    public var target: String
    /// The path of the target, still percent-encoded; `*` for an asterisk-form OPTIONS.
    public var path: String
    /// The decoded query string.
    public var query: HTTPQuery
    /// The protocol version of the request line.
    public var version: HTTPVersion
    /// The header fields.
    public var headers: HTTPHeaders
    /// The request content, already de-chunked; empty when there was none.
    public var body: [UInt8]
    /// The route's `{name}` segments, percent-decoded.
    public var pathParameters: [String: String]

    /// Makes a request; `path` and `query` are taken from `target`.
    public init(
        method: HTTPMethod,
        target: String,
        version: HTTPVersion = .http1_1,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        pathParameters: [String: String] = [:]
    ) {
        self.method = method
        self.target = target
        let parts = RequestTarget.split(target)
        self.path = parts.path
        self.query = parts.query.map { HTTPQuery(parsing: $0) } ?? HTTPQuery()
        self.version = version
        self.headers = headers
        self.body = body
        self.pathParameters = pathParameters
    }
}
