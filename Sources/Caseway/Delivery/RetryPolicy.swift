/// When a failed delivery is tried again, and when the hub gives up on it: one schema for every kind
/// (a connector file's `retry`).
public struct RetryPolicy: Sendable, Equatable {
    /// Tries in all, the first included; the last failure makes a dead letter.
    public var maxAttempts: Int = 10
    /// Wait before the second try.
    public var initialDelay: Duration = .seconds(5)
    /// Each wait is the previous one times this.
    public var multiplier: Double = 2
    /// No wait is longer than this.
    public var maxDelay: Duration = .seconds(3600)
    /// Fraction of each wait drawn at random (0 to 1), so failures of many deliveries spread out.
    public var jitter: Double = 0.2
    /// A delivery older than this (since its creation) is not tried again.
    public var maxAge: Duration = .seconds(3 * 86_400)

    public init() {}
}
