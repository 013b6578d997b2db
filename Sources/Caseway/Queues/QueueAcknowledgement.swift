import CasewayStore

/// One receipt to ack, with the update the consumer's ack carries (its status, its reference), if any.
public struct QueueAcknowledgement: Sendable, Hashable {
    public var receipt: QueueReceipt
    /// Recorded on the message's case in the ack's transaction; nil for a plain ack.
    public var update: CheckedUpdate?

    public init(receipt: QueueReceipt, update: CheckedUpdate? = nil) {
        self.receipt = receipt
        self.update = update
    }

    /// The sender update id of the update an ack of `receipt` records: one per delivery, so an ack can never
    /// record two.
    public static func updateID(_ receipt: QueueReceipt) -> String { "ack:\(receipt.deliveryID.text)" }
}
