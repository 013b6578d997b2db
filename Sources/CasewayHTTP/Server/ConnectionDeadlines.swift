/// When a connection's current wait runs out: a pure value over explicit instants, so that every
/// timeout rule can be tested with chosen times instead of sleeps.
struct ConnectionDeadlines: Sendable, Equatable {
    /// What the connection is waiting for.
    enum Wait: Sendable, Equatable {
        /// The next request on a keep-alive connection (nothing of it received yet).
        case idle
        /// The rest of a request line and header section (and on a new connection, its first byte).
        case head
        /// The rest of a request body.
        case body
        /// A handler's response.
        case handler
        /// The peer's end-of-stream after the final response.
        case linger
    }

    /// Which limit ran out.
    enum Expiry: Sendable, Equatable {
        case idle, head, body, handler, write, linger
    }

    private(set) var wait: Wait
    private(set) var since: ContinuousClock.Instant
    /// Since when output has been waiting on a full socket buffer without progress; nil when not blocked.
    private(set) var writeBlockedSince: ContinuousClock.Instant?

    /// Starts in `wait` at `now`.
    init(_ wait: Wait, at now: ContinuousClock.Instant) {
        self.wait = wait
        self.since = now
    }

    /// Moves to a new wait; its time starts now.
    mutating func begin(_ wait: Wait, at now: ContinuousClock.Instant) {
        self.wait = wait
        self.since = now
    }

    /// Records a write that left bytes unsent: the stall clock starts (or restarts, after progress).
    mutating func writeBlocked(progressed: Bool, at now: ContinuousClock.Instant) {
        if progressed || writeBlockedSince == nil { writeBlockedSince = now }
    }

    /// Records that every queued byte was sent.
    mutating func writeDrained() {
        writeBlockedSince = nil
    }

    /// The earliest instant something runs out, and what.
    func next(_ timeouts: ConnectionTimeouts) -> (deadline: ContinuousClock.Instant, expiry: Expiry) {
        let phase: (ContinuousClock.Instant, Expiry) = switch wait {
        case .idle: (since + timeouts.idle, .idle)
        case .head: (since + timeouts.header, .head)
        case .body: (since + timeouts.body, .body)
        case .handler: (since + timeouts.handler, .handler)
        case .linger: (since + timeouts.linger, .linger)
        }
        if let writeBlockedSince, writeBlockedSince + timeouts.idle < phase.0 {
            return (writeBlockedSince + timeouts.idle, .write)
        }
        return phase
    }

    /// What has run out at `now`, nil when nothing has.
    func expired(at now: ContinuousClock.Instant, _ timeouts: ConnectionTimeouts) -> Expiry? {
        let next = next(timeouts)
        return next.deadline <= now ? next.expiry : nil
    }
}
