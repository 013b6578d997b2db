import CasewayStore

/// A dead letter sent again: the new deliveries it became (several for a `no_route` case that
/// several connectors take now).
public struct DeadLetterReplay: Sendable {
    /// The replayed dead letter's id.
    public var deadLetter: RecordID
    /// The new pending deliveries, each with `replayOf` = `deadLetter`.
    public var deliveries: [DeliveryRecord]
}
