import CasewayStore

/// One page of the open dead letters, and where the next starts.
public struct DeadLetterPage: Sendable {
    /// The dead letters, oldest first.
    public var deadLetters: [DeliveryRecord]
    /// Where the next page starts; nil when this is the last.
    public var nextCursor: DeadLetterCursor?
}
