/// A date-time as a document wrote it: the wall-clock reading, and the UTC offset when the text carried one.
public struct ParsedDateTime: Sendable, Hashable {
    /// The reading as written.
    public let local: LocalDateTime
    /// Seconds ahead of UTC as written (`+01:00` is 3600), or nil for text without an offset (`2026-10-14`).
    public let utcOffset: Int?

    /// A reading with the offset written beside it, if any.
    public init(local: LocalDateTime, utcOffset: Int?) {
        self.local = local
        self.utcOffset = utcOffset
    }

    /// The instant meant: from the written offset when there is one, otherwise by reading the wall-clock time in
    /// `zone` (a date alone is midnight there).
    public func instant(assumingZone zone: TimeZoneRules, ambiguity: AmbiguousTimePolicy = .earlier) throws(TransformError) -> Instant {
        if let utcOffset { return local.instant(utcOffset: utcOffset) }
        return try zone.instant(for: local, ambiguity: ambiguity)
    }
}
