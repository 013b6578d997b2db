import CasewayStore

/// One message as a queue consumer receives it: the receipt to settle it with and the mapped payload.
public struct QueueMessage: Sendable, Hashable {
    /// What the consumer acks, releases or rejects the message with; valid for this receive only.
    public var receipt: QueueReceipt
    /// The delivery the message is (stable across receives: the consumer's idempotency key).
    public var deliveryID: RecordID
    /// The case it carries.
    public var caseID: RecordID
    /// How many times it has been received, this time included.
    public var receiveCount: Int
    /// When this receive's lease (the visibility timeout) runs out.
    public var visibleAgainAt: Timestamp
    /// The payload's media type.
    public var contentType: String
    /// The payload: the connector's mapping run on the case now, or the case's body when it has none.
    public var body: [UInt8]

    public init(receipt: QueueReceipt, deliveryID: RecordID, caseID: RecordID, receiveCount: Int, visibleAgainAt: Timestamp,
                contentType: String, body: [UInt8]) {
        self.receipt = receipt
        self.deliveryID = deliveryID
        self.caseID = caseID
        self.receiveCount = receiveCount
        self.visibleAgainAt = visibleAgainAt
        self.contentType = contentType
        self.body = body
    }
}
