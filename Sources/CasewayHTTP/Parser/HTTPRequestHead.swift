/// A parsed request line and header section, with the framing and connection decisions they imply.
struct HTTPRequestHead: Sendable {
    var method: HTTPMethod
    /// The request-target as received.
    var target: String
    var version: HTTPVersion
    var headers: HTTPHeaders
    var framing: HTTPBodyFraming
    /// Whether the client lets the connection persist after this exchange (RFC 9112 §9.3).
    var keepAlive: Bool
    /// `Expect: 100-continue` on an HTTP/1.1 request (RFC 9110 §10.1.1).
    var expectsContinue: Bool

    /// The request a handler sees, once the content has been read.
    func request(body: [UInt8]) -> HTTPRequest {
        HTTPRequest(method: method, target: target, version: version, headers: headers, body: body)
    }
}
