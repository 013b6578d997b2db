/// What a partner answered to one request, as far as it was read.
public struct PartnerAnswer: Sendable {
    /// The final status (a 3xx is final: redirects are never followed).
    public var status: Int
    /// The header fields, names lowercased.
    public var headers: [String: String]
    /// The content, at most `HTTPTransport.maxResponseBytes` of it.
    public var body: [UInt8]
    /// Whether the content was longer than the cap and the rest was not read.
    public var bodyTruncated: Bool

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = [], bodyTruncated: Bool = false) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
        self.bodyTruncated = bodyTruncated
    }

    /// The header field `name` (any case).
    public subscript(header name: String) -> String? { headers[name.lowercased()] }
}
