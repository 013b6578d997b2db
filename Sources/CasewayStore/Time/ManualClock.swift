import Synchronization

/// A clock that moves only when told to, for tests of time-driven behaviour.
public final class ManualClock: WallClock {
    private let current: Mutex<Timestamp>

    /// Creates a clock showing `start` (by default 2026-01-01T00:00:00Z).
    public init(_ start: Timestamp = Timestamp(millisecondsSinceEpoch: 1_767_225_600_000)) {
        current = Mutex(start)
    }

    /// The time the clock shows.
    public func now() -> Timestamp {
        current.withLock { $0 }
    }

    /// Moves the clock forward (or back, with a negative duration).
    public func advance(by duration: Duration) {
        current.withLock { $0 = $0.advanced(by: duration) }
    }

    /// Sets the clock to `time`.
    public func set(_ time: Timestamp) {
        current.withLock { $0 = time }
    }
}
