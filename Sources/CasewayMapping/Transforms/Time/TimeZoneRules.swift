import Foundation

/// The UTC offsets of one IANA time zone (`Europe/London`), looked up without Foundation on the hot path.
///
/// Built once per mapping, when its configuration is read: the initialiser asks Foundation for every offset change
/// from 1900 to 2100 and keeps them in a sorted table, so an offset is a binary search over a few hundred integers
/// instead of a `TimeZone` call. Instants outside the table fall back to Foundation's `TimeZone`, which is slower
/// but equally correct. Immutable once built, so it can be shared freely between tasks.
public struct TimeZoneRules: Sendable, CustomStringConvertible {
    /// The IANA name this was built from (`Europe/London`), or `UTC`.
    public let identifier: String
    /// Seconds since 1970 at which the offset changes, ascending.
    private let transitions: [Int]
    /// The offset in force from the transition at the same index until the next one.
    private let offsetsAfter: [Int]
    /// The offset in force from `tableStart` until the first transition.
    private let initialOffset: Int
    private let tableStart: Int
    private let tableEnd: Int
    /// Foundation's zone for instants outside the table; nil for UTC, which has no transitions at all.
    private let zone: TimeZone?

    /// UTC: offset zero, always.
    public static let utc = TimeZoneRules(
        identifier: "UTC", transitions: [], offsetsAfter: [], initialOffset: 0,
        tableStart: Int.min, tableEnd: Int.max, zone: nil)

    /// 1900-01-01T00:00:00Z and 2100-01-01T00:00:00Z: the span councils' records live in.
    private static let defaultTableStart = -2_208_988_800
    private static let defaultTableEnd = 4_102_444_800

    private init(
        identifier: String, transitions: [Int], offsetsAfter: [Int], initialOffset: Int,
        tableStart: Int, tableEnd: Int, zone: TimeZone?
    ) {
        self.identifier = identifier
        self.transitions = transitions
        self.offsetsAfter = offsetsAfter
        self.initialOffset = initialOffset
        self.tableStart = tableStart
        self.tableEnd = tableEnd
        self.zone = zone
    }

    /// Loads a zone by its IANA name: `Europe/London`, `America/New_York`, `Etc/GMT-1`, `UTC` or `GMT`.
    ///
    /// Abbreviations are refused even where Foundation accepts them: to ICU `BST` is Bangladesh Standard Time
    /// (UTC+6), not British Summer Time, and a council typing it would silently shift every case by five hours.
    public init(identifier: String) throws(TransformError) {
        if identifier == "UTC" || identifier == "GMT" || identifier == "Etc/UTC" || identifier == "Z" {
            self = .utc
            return
        }
        guard identifier.contains("/"), let zone = TimeZone(identifier: identifier) else {
            let hint = identifier.count <= 5 && !identifier.contains("/")
                ? " (use a name such as Europe/London; abbreviations like BST are ambiguous)" : ""
            throw TransformError(.unknownTimeZone, text: identifier, reason: "is not an IANA time zone name\(hint)")
        }
        var transitions: [Int] = []
        var offsetsAfter: [Int] = []
        let start = Self.defaultTableStart
        let end = Self.defaultTableEnd
        let initialOffset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(start)))
        var previousOffset = initialOffset
        var cursor = Date(timeIntervalSince1970: Double(start))
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next.timeIntervalSince1970 < Double(end) {
            // Transitions fall on whole seconds; round so a Double's last bit never moves one by a second.
            let second = Int(next.timeIntervalSince1970.rounded())
            let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(second)))
            // ICU also reports changes of name or DST flag that keep the offset; those change nothing here.
            if offset != previousOffset {
                transitions.append(second)
                offsetsAfter.append(offset)
                previousOffset = offset
            }
            guard next > cursor else { break }
            cursor = next
        }
        self.init(
            identifier: zone.identifier, transitions: transitions, offsetsAfter: offsetsAfter,
            initialOffset: initialOffset, tableStart: start, tableEnd: end, zone: zone)
    }

    public var description: String { identifier }

    /// Seconds the zone's clocks are ahead of UTC at `instant` (3600 for London in summer).
    public func utcOffset(at instant: Instant) -> Int {
        utcOffset(atSecond: instant.secondsSince1970)
    }

    /// The instant at which the zone's clocks show `local`, with `ambiguity` deciding the autumn's repeated hour.
    /// A reading the clocks skip in spring is always an error: moving it would invent a time nobody wrote.
    public func instant(for local: LocalDateTime, ambiguity: AmbiguousTimePolicy = .earlier) throws(TransformError) -> Instant {
        switch resolve(local) {
        case .unique(let instant):
            return instant
        case .ambiguous(let earlier, let later):
            switch ambiguity {
            case .earlier: return earlier
            case .later: return later
            case .reject:
                let before = utcOffset(at: earlier)
                let after = utcOffset(at: later)
                throw TransformError(
                    .ambiguousLocalTime, text: local.description,
                    reason: "happens twice in \(identifier) (at \(Self.offsetText(before)) and at \(Self.offsetText(after))) because the clocks go back then")
            }
        case .skipped(let before, let after):
            throw TransformError(
                .nonexistentLocalTime, text: local.description,
                reason: "does not exist in \(identifier): \(gapDescription(local, before: before, after: after))")
        }
    }

    // MARK: Lookup

    func utcOffset(atSecond second: Int) -> Int {
        guard second >= tableStart, second < tableEnd else {
            return zone?.secondsFromGMT(for: Date(timeIntervalSince1970: Double(second))) ?? initialOffset
        }
        // Index of the first transition after `second`; the one before it is in force.
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= second { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? initialOffset : offsetsAfter[low - 1]
    }

    /// Every instant whose wall-clock reading here is `local`.
    ///
    /// Offsets a day either side are the only candidates (no zone changes its clocks twice within two days);
    /// a candidate offset is real only if the zone is at that offset at the instant it implies.
    func resolve(_ local: LocalDateTime) -> LocalTimeResolution {
        let wall = local.wallSecondsSince1970
        let before = utcOffset(atSecond: wall - 86_400)
        let after = utcOffset(atSecond: wall + 86_400)
        let earlierCandidate = wall - before
        let laterCandidate = wall - after
        let earlierHolds = utcOffset(atSecond: earlierCandidate) == before
        if before == after {
            if earlierHolds { return .unique(Instant(secondsSince1970: earlierCandidate, nanoseconds: local.nanosecond)) }
            // Two changes within two days, which no real zone has; report it as a gap rather than guess.
            return .skipped(offsetBefore: before, offsetAfter: after)
        }
        let laterHolds = utcOffset(atSecond: laterCandidate) == after
        switch (earlierHolds, laterHolds) {
        case (true, true):
            let first = Instant(secondsSince1970: min(earlierCandidate, laterCandidate), nanoseconds: local.nanosecond)
            let second = Instant(secondsSince1970: max(earlierCandidate, laterCandidate), nanoseconds: local.nanosecond)
            return .ambiguous(earlier: first, later: second)
        case (true, false):
            return .unique(Instant(secondsSince1970: earlierCandidate, nanoseconds: local.nanosecond))
        case (false, true):
            return .unique(Instant(secondsSince1970: laterCandidate, nanoseconds: local.nanosecond))
        case (false, false):
            return .skipped(offsetBefore: before, offsetAfter: after)
        }
    }

    // MARK: Messages

    /// `the clocks go forward from 01:00 to 02:00 on 2026-03-29`, found by locating the change near `local`.
    private func gapDescription(_ local: LocalDateTime, before: Int, after: Int) -> String {
        // The change happened between the instants the two offsets imply; the reading after it is later.
        var low = local.wallSecondsSince1970 - before
        var high = local.wallSecondsSince1970 - after
        if low > high { swap(&low, &high) }
        low -= 86_400
        high += 86_400
        // Bisect to the second at which the offset turns from `before` to something else.
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if utcOffset(atSecond: middle) == before { low = middle } else { high = middle }
        }
        let change = Instant(secondsSince1970: high)
        let from = LocalDateTime(change, utcOffset: before)
        let to = LocalDateTime(change, utcOffset: after)
        let direction = after > before ? "forward" : "back"
        return "the clocks go \(direction) from \(Self.clockText(from)) to \(Self.clockText(to)) on "
            + LocalDateTime.padded(to.year, 4) + "-" + LocalDateTime.padded(to.month, 2) + "-" + LocalDateTime.padded(to.day, 2)
    }

    private static func clockText(_ local: LocalDateTime) -> String {
        LocalDateTime.padded(local.hour, 2) + ":" + LocalDateTime.padded(local.minute, 2)
    }

    /// `+01:00`, `-05:00`, `+05:30`.
    static func offsetText(_ offset: Int) -> String {
        let minutes = abs(offset) / 60
        return (offset < 0 ? "-" : "+") + LocalDateTime.padded(minutes / 60, 2) + ":" + LocalDateTime.padded(minutes % 60, 2)
    }
}
