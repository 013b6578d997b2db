/// What one attempt tells its worker: how the partner behaved, for the circuit breaker.
struct AttemptReport: Sendable {
    /// What the attempt says about the partner's health.
    enum BreakerSignal: Sendable {
        /// Nothing: the attempt never reached the partner (a mapping error, a store error).
        case none
        /// The partner answered, even if it refused the payload.
        case partnerAnswered
        /// The partner could not be reached or failed (a transient failure).
        case partnerFailed
    }

    var breakerSignal: BreakerSignal
    /// The failure's message, for the log line that opens the breaker.
    var error: String?
}
