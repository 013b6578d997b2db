/// Reads a date-time in one form and writes it in another, moving it to the zone the target wants:
/// `2026-10-14T08:47:12+01:00` → `2026-10-14 08:47:12` (Europe/London) for a highways back office.
///
/// Everything that can be wrong with the configuration (pattern letters, zone names) fails in `init`, when the
/// mapping is loaded; `apply` fails only for the document's own value.
public struct DateTimeTransform: Sendable {
    /// How incoming text is read.
    public enum Input: Sendable, Hashable {
        /// ISO 8601 / RFC 3339, with or without an offset or a time (see `ParsedDateTime.init(iso8601:)`).
        case iso8601
        /// A back office's own form, such as `dd/MM/yyyy HH:mm`.
        case pattern(DateTimePattern)
    }

    /// How the document writes the value.
    public let input: Input
    /// Where a wall-clock time without an offset was read (a date alone is midnight there).
    public let inputZone: TimeZoneRules
    /// How the target wants it written.
    public let output: DateTimePattern
    /// Whose clocks the output shows (for a UK back office, Europe/London).
    public let outputZone: TimeZoneRules
    /// What to do with an input reading that happens twice in `inputZone`.
    public let ambiguity: AmbiguousTimePolicy

    /// Creates the transform, failing now for an input pattern that cannot read date-times back.
    public init(
        input: Input = .iso8601, inputZone: TimeZoneRules, output: DateTimePattern, outputZone: TimeZoneRules,
        ambiguity: AmbiguousTimePolicy = .earlier
    ) throws(TransformError) {
        if case .pattern(let pattern) = input { try pattern.checkParsable() }
        self.input = input
        self.inputZone = inputZone
        self.output = output
        self.outputZone = outputZone
        self.ambiguity = ambiguity
    }

    /// Converts one value.
    public func apply(_ text: some StringProtocol) throws(TransformError) -> String {
        let instant: Instant
        switch input {
        case .iso8601:
            let parsed = try ParsedDateTime(iso8601: text)
            do {
                instant = try parsed.instant(assumingZone: inputZone, ambiguity: ambiguity)
            } catch {
                throw TransformError(error.kind, text: text, reason: error.reason)
            }
        case .pattern(let pattern):
            instant = try pattern.parse(text, in: inputZone, ambiguity: ambiguity)
        }
        return output.format(instant, in: outputZone)
    }
}
