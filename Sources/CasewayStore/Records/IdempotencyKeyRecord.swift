/// A client's idempotency key and the case it created.
public struct IdempotencyKeyRecord: Sendable, Hashable {
    /// The client that sent the key (keys are per client).
    public var client: String
    /// The key as sent in the `Idempotency-Key` header.
    public var key: String
    /// SHA-256 of the body first submitted under this key.
    public var bodySHA256: [UInt8]
    /// The case that submission created.
    public var caseID: RecordID
    /// When the key was first used.
    public var createdAt: Timestamp

    /// Creates an idempotency key record.
    public init(client: String, key: String, bodySHA256: [UInt8], caseID: RecordID, createdAt: Timestamp) {
        self.client = client
        self.key = key
        self.bodySHA256 = bodySHA256
        self.caseID = caseID
        self.createdAt = createdAt
    }
}
