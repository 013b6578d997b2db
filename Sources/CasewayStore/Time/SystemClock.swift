#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The machine's wall clock (CLOCK_REALTIME).
public struct SystemClock: WallClock {
    /// Creates the system clock.
    public init() {}

    /// The current wall-clock time.
    public func now() -> Timestamp {
        var time = timespec()
        // clock_gettime(CLOCK_REALTIME) cannot fail with a valid clock id and pointer.
        clock_gettime(CLOCK_REALTIME, &time)
        return Timestamp(millisecondsSinceEpoch: Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000)
    }
}
