/// Where the current time comes from.
///
/// Store operations never read the time themselves: callers read it from a clock and pass it in, so
/// that leases, retries and expiry can be tested with a `ManualClock`.
public protocol WallClock: Sendable {
    /// The current time.
    func now() -> Timestamp
}
