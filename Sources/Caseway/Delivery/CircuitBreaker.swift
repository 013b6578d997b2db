import CasewayStore

/// One connector's circuit breaker: after `failureThreshold` consecutive transient failures the connector
/// pauses instead of spending every waiting delivery's attempts against a partner that is down; when the
/// pause ends, one delivery probes; its success closes the breaker, its failure pauses again for longer.
///
/// A pure state machine: the caller passes the time in, so it is tested with a manual clock.
public struct CircuitBreaker: Sendable, Equatable {
    /// Where the breaker stands.
    public enum State: Sendable, Equatable {
        /// Deliveries flow; `failures` consecutive transient failures so far.
        case closed(failures: Int)
        /// Paused until `until`; `pause` is how long this pause is (it doubles after a failed probe).
        case open(until: Timestamp, pause: Duration)
        /// One probe is out; nothing else is sent until it answers.
        case probing(pause: Duration)
    }

    /// What the worker may do now.
    public enum Permit: Sendable, Equatable {
        /// Send as many as the connector's concurrency allows.
        case flow
        /// Send exactly one delivery, as a probe.
        case probe
        /// Send nothing until `until` (or until a probe answers, while probing: `until` is nil).
        case wait(until: Timestamp?)
    }

    public let settings: CircuitBreakerSettings
    public private(set) var state: State = .closed(failures: 0)

    public init(settings: CircuitBreakerSettings = CircuitBreakerSettings()) {
        self.settings = settings
    }

    /// What may be sent at `now`. Moves an open breaker whose pause is over to probing, so call it only
    /// when about to send.
    public mutating func permit(now: Timestamp) -> Permit {
        switch state {
        case .closed: return .flow
        case .probing: return .wait(until: nil)
        case .open(let until, let pause):
            guard now >= until else { return .wait(until: until) }
            state = .probing(pause: pause)
            return .probe
        }
    }

    /// Whether sending is paused (for metrics and logs).
    public var isOpen: Bool {
        if case .closed = state { return false }
        return true
    }

    /// The partner answered (delivered, or refused the payload itself: a permanent error still proves it is up).
    /// Returns true when this closed an open breaker.
    @discardableResult
    public mutating func recordSuccess() -> Bool {
        let wasOpen = isOpen
        state = .closed(failures: 0)
        return wasOpen
    }

    /// A transient failure at `now`. Returns the pause's end when this opened (or re-opened) the breaker,
    /// nil when it did not (not enough failures yet, or already open).
    @discardableResult
    public mutating func recordFailure(now: Timestamp) -> Timestamp? {
        switch state {
        case .closed(let failures):
            guard failures + 1 >= settings.failureThreshold else {
                state = .closed(failures: failures + 1)
                return nil
            }
            return open(now: now, pause: settings.pause)
        case .probing(let pause):
            return open(now: now, pause: min(pause * 2, settings.maxPause))
        case .open:
            // A send that started before the breaker opened and failed after: the pause already runs.
            return nil
        }
    }

    /// The probe permitted at `now` found nothing to send: the next delivery that comes due probes instead.
    public mutating func abandonProbe(now: Timestamp) {
        if case .probing(let pause) = state { state = .open(until: now, pause: pause) }
    }

    private mutating func open(now: Timestamp, pause: Duration) -> Timestamp {
        let until = now.advanced(by: pause)
        state = .open(until: until, pause: pause)
        return until
    }
}
