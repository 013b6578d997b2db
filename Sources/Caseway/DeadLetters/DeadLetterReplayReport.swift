/// What a replay of several dead letters did: each one replayed or failed, in the order asked.
public struct DeadLetterReplayReport: Sendable {
    /// The dead letters replayed, with their new deliveries.
    public var replayed: [DeadLetterReplay] = []
    /// The ones that could not be, with the reason.
    public var failed: [DeadLetterReplayFailure] = []

    /// Appends another report's results.
    mutating func append(_ other: DeadLetterReplayReport) {
        replayed += other.replayed
        failed += other.failed
    }
}
