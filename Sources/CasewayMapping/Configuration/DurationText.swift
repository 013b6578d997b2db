/// Durations as integrators write them in configuration: `"250ms"`, `"30s"`, `"5m"`, `"2h"`, `"7d"`.
public enum DurationText {
    private static let units: [(suffix: String, milliseconds: Int64)] = [
        ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000),
    ]

    /// Parses one number followed by one unit; spaces between them are allowed.
    public static func parse(_ text: String) -> Duration? {
        let trimmed = TextTransforms.trim(text)
        for (suffix, milliseconds) in units.sorted(by: { $0.suffix.count > $1.suffix.count })
        where trimmed.hasSuffix(suffix) {
            let number = TextTransforms.trim(String(trimmed.dropLast(suffix.count)))
            guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                let value = Double(number), value.isFinite, value >= 0, value * Double(milliseconds) < 9.0e15
            else { return nil }
            return .milliseconds(Int64((value * Double(milliseconds)).rounded()))
        }
        return nil
    }

    /// Formats a duration in the largest unit that keeps it whole: `30s`, `5m`, `1500ms`.
    public static func format(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        for (suffix, unit) in units.reversed() where milliseconds != 0 && milliseconds % unit == 0 {
            return "\(milliseconds / unit)\(suffix)"
        }
        return "\(milliseconds)ms"
    }
}
