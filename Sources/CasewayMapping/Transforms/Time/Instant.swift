import Foundation

/// A moment in time, the same everywhere: whole seconds since 1970-01-01T00:00:00Z plus nanoseconds.
///
/// Integers rather than `Date`'s Double, so that nanoseconds survive a round trip and arithmetic is exact.
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01T00:00:00Z, rounded down (negative before 1970).
    public let secondsSince1970: Int
    /// Nanoseconds after `secondsSince1970`, 0 to 999,999,999.
    public let nanoseconds: Int

    /// Creates an instant; nanoseconds outside 0..<1e9 carry into the seconds.
    public init(secondsSince1970: Int, nanoseconds: Int = 0) {
        let carry = nanoseconds.quotientAndRemainder(dividingBy: 1_000_000_000)
        if carry.remainder < 0 {
            self.secondsSince1970 = secondsSince1970 &+ carry.quotient &- 1
            self.nanoseconds = carry.remainder + 1_000_000_000
        } else {
            self.secondsSince1970 = secondsSince1970 &+ carry.quotient
            self.nanoseconds = carry.remainder
        }
    }

    /// Creates an instant from a Foundation date, to the nearest microsecond (what a Double holds near today);
    /// nil for dates no calendar can write (beyond ±10^15 seconds or not finite).
    public init?(_ date: Date) {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite, abs(interval) < 1e15 else { return nil }
        let seconds = interval.rounded(.down)
        let micros = ((interval - seconds) * 1_000_000).rounded()
        self.init(secondsSince1970: Int(seconds), nanoseconds: Int(micros) * 1_000)
    }

    /// The instant as a Foundation date (which keeps about a microsecond of precision).
    public var date: Date {
        Date(timeIntervalSince1970: Double(secondsSince1970) + Double(nanoseconds) / 1e9)
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        (lhs.secondsSince1970, lhs.nanoseconds) < (rhs.secondsSince1970, rhs.nanoseconds)
    }

    /// The instant in UTC, RFC 3339 style: `2026-10-25T01:30:00Z`.
    public var description: String {
        LocalDateTime(self, utcOffset: 0).description + "Z"
    }
}
