/// A delivery handed to a queue consumer: the delivery as leased, its case and the receipt of this receive.
public struct QueueMessageRecord: Sendable, Hashable {
    /// The delivery, leased to the consumer; `attemptCount` is its receive count.
    public var delivery: DeliveryRecord
    /// The case it delivers; nil when the store has lost it (the caller dead-letters the delivery).
    public var caseRecord: CaseRecord?
    /// What the consumer acks, releases or rejects it with.
    public var receipt: QueueReceipt

    public init(delivery: DeliveryRecord, caseRecord: CaseRecord?, receipt: QueueReceipt) {
        self.delivery = delivery
        self.caseRecord = caseRecord
        self.receipt = receipt
    }
}
