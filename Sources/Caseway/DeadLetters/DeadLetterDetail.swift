import CasewayStore

/// One dead letter with everything an operator needs to decide what to do with it.
public struct DeadLetterDetail: Sendable {
    /// The dead letter itself: reason, last error, the mapped payload of its last failed attempt.
    public var delivery: DeliveryRecord
    /// Its case: client, sender reference, content type and the original body.
    public var caseRecord: CaseRecord
    /// Its attempts, oldest first.
    public var attempts: [AttemptRecord]
    /// The deliveries that replay it (none while it is open); its own `replayOf` links backwards.
    public var replays: [DeliveryRecord]
}
