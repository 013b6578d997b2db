/// At most `perSecond` sends a second on average, with bursts of up to `burst` (a connector's `rate_limit`).
public struct RateLimit: Sendable, Equatable {
    public var perSecond: Double
    public var burst: Int

    public init(perSecond: Double, burst: Int) {
        self.perSecond = perSecond
        self.burst = burst
    }
}
