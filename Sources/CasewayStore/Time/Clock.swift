/// Where the current time comes from.
///
/// Store operations never read the time themselves: callers read it from a clock and pass it in, so
/// that leases, retries and expiry can be tested with a `ManualClock`. (Within modules that import
/// CasewayStore this name shadows the standard library's `Clock`; use `Swift.Clock` for that one.)
public protocol Clock: Sendable {
    /// The current time.
    func now() -> Timestamp
}
