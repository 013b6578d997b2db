/// A case as stored: one service request exactly as received, with the hub's id.
public struct CaseRecord: Sendable, Hashable {
    /// The hub's id for the case.
    public var id: RecordID
    /// When the hub received it.
    public var receivedAt: Timestamp
    /// The API client that submitted it.
    public var client: String
    /// The media type of the body, for example `application/json`.
    public var contentType: String
    /// The front office's own reference for the request, when it gave one.
    public var senderReference: String?
    /// The request body, byte for byte.
    public var body: [UInt8]
    /// SHA-256 of `body`: tells a client's retry (same body) from a different request under the same idempotency key.
    public var bodySHA256: [UInt8]

    /// Creates a case record; `bodySHA256` is computed from `body` when not given.
    public init(id: RecordID, receivedAt: Timestamp, client: String, contentType: String,
                senderReference: String? = nil, body: [UInt8], bodySHA256: [UInt8]? = nil) {
        self.id = id
        self.receivedAt = receivedAt
        self.client = client
        self.contentType = contentType
        self.senderReference = senderReference
        self.body = body
        self.bodySHA256 = bodySHA256 ?? SHA256.hash(body)
    }
}
