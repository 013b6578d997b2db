import CasewayStore

/// A connector's rate limit as a token bucket: `burst` tokens, refilled at `perSecond`; each send takes one.
/// Pure: the caller passes the time, so it is tested with a manual clock.
public struct TokenBucket: Sendable, Equatable {
    public let limit: RateLimit
    private var tokens: Double
    private var refilledAt: Timestamp

    public init(limit: RateLimit, now: Timestamp) {
        self.limit = limit
        tokens = Double(limit.burst)
        refilledAt = now
    }

    /// Takes a token at `now`: nil when one was there, otherwise how long until one will be (nothing is taken).
    public mutating func take(now: Timestamp) -> Duration? {
        let elapsed = Double(now.millisecondsSinceEpoch - refilledAt.millisecondsSinceEpoch) / 1000
        if elapsed > 0 {
            tokens = min(Double(limit.burst), tokens + elapsed * limit.perSecond)
            refilledAt = now
        }
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        let missing = 1 - tokens
        return .milliseconds(Int64((missing / limit.perSecond * 1000).rounded(.up)))
    }
}
