/// What came of one ack, release or reject of a queue message.
public enum QueueSettlement: Sendable, Hashable {
    /// Done: the message is delivered, back in the queue, or a dead letter.
    case settled
    /// No message of this queue has this receipt, or it belongs to another client (which is not revealed).
    case unknown
    /// The receipt's lease ran out; the message is ready again (or already with another consumer).
    case leaseExpired
    /// The receipt is from an earlier receive: the message was since acked, released, rejected or received
    /// again; `state` is where it stands now.
    case stale(DeliveryState)
}
