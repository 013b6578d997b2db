import CasewayHTTP

/// One request a `ScriptedPartner` received, as it arrived.
public struct ReceivedRequest: Sendable {
    /// 1 for the first request the partner received.
    public var number: Int
    public var method: String
    /// The request target's path (still percent-encoded), e.g. `/enquiries`.
    public var path: String
    public var headers: HTTPHeaders
    public var body: [UInt8]

    /// The header field `name` (any case).
    public func header(_ name: String) -> String? { headers[name] }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }
}
