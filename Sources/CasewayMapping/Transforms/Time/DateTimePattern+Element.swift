extension DateTimePattern {
    /// One piece of a compiled pattern: literal text or a field.
    enum Element: Sendable, Hashable {
        case literal([UInt8])
        /// `yyyy`: the year, at least 4 digits.
        case year4
        /// `yy`: the last two digits of the year; read as 2000–2099.
        case year2
        /// `M`, `MM`: month number, unpadded or 2 digits.
        case month1, month2
        /// `MMM`, `MMMM`: `Oct`, `October`.
        case monthShortName, monthName
        /// `d`, `dd`: day of the month.
        case day1, day2
        /// `H`, `HH`: hour 0–23.
        case hour1, hour2
        /// `h`, `hh`: hour 1–12, used with `a`.
        case clockHour1, clockHour2
        /// `mm`, `ss`: minutes and seconds, 2 digits.
        case minute2, second2
        /// `SSS`: milliseconds, 3 digits, truncated.
        case millisecond3
        /// `a`: `AM` or `PM`.
        case amPm
        /// `XXX`: `+01:00`, or `Z` when the offset is zero (LDML / java.time meaning).
        case offsetOrZ
        /// `xxx`: `+01:00`, and `+00:00` when the offset is zero.
        case offsetColon
        /// `Z`: `+0100`.
        case offsetBasic
        /// `EEE`, `EEEE`: `Wed`, `Wednesday`.
        case weekdayShortName, weekdayName

        /// The element a run of one pattern letter stands for, or nil when that run means nothing.
        static func field(letter: UInt8, count: Int) -> Element? {
            switch (letter, count) {
            case (UInt8(ascii: "y"), 4): .year4
            case (UInt8(ascii: "y"), 2): .year2
            case (UInt8(ascii: "M"), 1): .month1
            case (UInt8(ascii: "M"), 2): .month2
            case (UInt8(ascii: "M"), 3): .monthShortName
            case (UInt8(ascii: "M"), 4): .monthName
            case (UInt8(ascii: "d"), 1): .day1
            case (UInt8(ascii: "d"), 2): .day2
            case (UInt8(ascii: "H"), 1): .hour1
            case (UInt8(ascii: "H"), 2): .hour2
            case (UInt8(ascii: "h"), 1): .clockHour1
            case (UInt8(ascii: "h"), 2): .clockHour2
            case (UInt8(ascii: "m"), 2): .minute2
            case (UInt8(ascii: "s"), 2): .second2
            case (UInt8(ascii: "S"), 3): .millisecond3
            case (UInt8(ascii: "a"), 1): .amPm
            case (UInt8(ascii: "X"), 3): .offsetOrZ
            case (UInt8(ascii: "x"), 3): .offsetColon
            case (UInt8(ascii: "Z"), 1): .offsetBasic
            case (UInt8(ascii: "E"), 3): .weekdayShortName
            case (UInt8(ascii: "E"), 4): .weekdayName
            default: nil
            }
        }

        /// The most bytes the element can write: an upper bound, so formatting allocates once.
        var maximumLength: Int {
            switch self {
            case .literal(let bytes): bytes.count
            case .year4: 20  // a sign and 19 digits: any Int
            case .monthName, .weekdayName: 9  // September, Wednesday
            default: 6  // +01:00
            }
        }
    }

    static let shortMonthNames: [[UInt8]] = LocalDateTime.monthNames.map { Array($0.utf8.prefix(3)) }
    static let monthNames: [[UInt8]] = LocalDateTime.monthNames.map { Array($0.utf8) }
    /// Monday first, as ISO weekday numbers count.
    static let weekdayNames: [[UInt8]] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        .map { Array($0.utf8) }
    static let shortWeekdayNames: [[UInt8]] = weekdayNames.map { Array($0.prefix(3)) }
    static let amPmNames: [[UInt8]] = [Array("AM".utf8), Array("PM".utf8)]
}
