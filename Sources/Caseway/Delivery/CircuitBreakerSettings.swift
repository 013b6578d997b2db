/// When a connector's circuit breaker opens and for how long it pauses.
public struct CircuitBreakerSettings: Sendable, Equatable {
    /// Consecutive transient failures that open the breaker.
    public var failureThreshold: Int = 5
    /// The first pause once open; after it one delivery probes the partner.
    public var pause: Duration = .seconds(30)
    /// Each failed probe doubles the pause, up to this.
    public var maxPause: Duration = .seconds(600)

    public init() {}
}
