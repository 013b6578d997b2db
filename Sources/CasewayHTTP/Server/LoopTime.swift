/// The event loop's reading of the clocks, passed into the connection state machine (never read inside it).
struct LoopTime: Sendable {
    /// Monotonic time, for deadlines.
    var instant: ContinuousClock.Instant
    /// The `Date` header value for the current wall-clock second; empty leaves the header out.
    var date: [UInt8] = []
}
