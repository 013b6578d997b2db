/// A wall-clock reading with no time zone: what a clock in the council office showed (`25/10/2026 01:30`).
///
/// The proleptic Gregorian calendar, years 1 to 9999 when validated; the day arithmetic is Howard Hinnant's
/// `days_from_civil` / `civil_from_days`, which needs no tables and no Foundation calendar.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1 to 9999 when validated.
    public let year: Int
    /// 1 (January) to 12.
    public let month: Int
    /// 1 to the length of the month.
    public let day: Int
    /// 0 to 23.
    public let hour: Int
    /// 0 to 59.
    public let minute: Int
    /// 0 to 59: leap seconds are not represented, as in RFC 3339 practice and every back office we feed.
    public let second: Int
    /// 0 to 999,999,999.
    public let nanosecond: Int

    /// Creates a wall-clock time, checking every field (the 30th of February is an error, not the 2nd of March).
    public init(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanosecond: Int = 0
    ) throws(TransformError) {
        if let problem = Self.problem(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanosecond) {
            let text = Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2) + "T"
                + Self.padded(hour, 2) + ":" + Self.padded(minute, 2) + ":" + Self.padded(second, 2)
            throw TransformError(.outOfRange, text: text, reason: "is not a date-time (\(problem))")
        }
        self.init(unchecked: year, month, day, hour, minute, second, nanosecond)
    }

    /// Creates a value whose fields the caller has already checked.
    init(unchecked year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int, _ nanosecond: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
    }

    /// The wall-clock reading at `instant` in a place `utcOffset` seconds ahead of UTC.
    public init(_ instant: Instant, utcOffset: Int) {
        // Wrapping arithmetic: an absurd instant gives an absurd date, never a trap.
        let wall = instant.secondsSince1970 &+ utcOffset
        let (days, secondOfDay) = Self.floorDivide(wall, 86_400)
        let civil = Self.civil(fromDaysSince1970: days)
        self.init(
            unchecked: civil.year, civil.month, civil.day,
            secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60, instant.nanoseconds)
    }

    /// The instant at which a clock `utcOffset` seconds ahead of UTC shows this reading.
    public func instant(utcOffset: Int) -> Instant {
        Instant(secondsSince1970: wallSecondsSince1970 - utcOffset, nanoseconds: nanosecond)
    }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (ISO 4).
        Self.floorDivide(Self.daysSince1970(year: year, month: month, day: day) + 3, 7).remainder + 1
    }

    /// The reading as if it were UTC: the number every offset calculation starts from.
    var wallSecondsSince1970: Int {
        Self.daysSince1970(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        if lhs.year != rhs.year { return lhs.year < rhs.year }
        if lhs.month != rhs.month { return lhs.month < rhs.month }
        if lhs.day != rhs.day { return lhs.day < rhs.day }
        return (lhs.hour, lhs.minute, lhs.second, lhs.nanosecond) < (rhs.hour, rhs.minute, rhs.second, rhs.nanosecond)
    }

    /// ISO 8601 without an offset: `2026-10-25T01:30:00`, with a fraction only when there is one.
    public var description: String {
        var text = Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
        text += "T" + Self.padded(hour, 2) + ":" + Self.padded(minute, 2) + ":" + Self.padded(second, 2)
        if nanosecond != 0 {
            var fraction = Self.padded(nanosecond, 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text
    }

    // MARK: Calendar arithmetic

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// Why these fields are not a date-time, or nil when they are one.
    static func problem(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int
    ) -> String? {
        guard (1...9999).contains(year) else { return "year \(year) is not between 1 and 9999" }
        guard (1...12).contains(month) else { return "month \(month) does not exist" }
        let length = daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            return "\(monthNames[month - 1]) \(year) has \(length) days, not \(day)"
        }
        guard (0...23).contains(hour) else { return "hour \(hour) is not between 0 and 23" }
        guard (0...59).contains(minute) else { return "minute \(minute) is not between 0 and 59" }
        guard (0...59).contains(second) else { return "second \(second) is not between 0 and 59" }
        guard (0..<1_000_000_000).contains(nanosecond) else { return "the fraction of a second is out of range" }
        return nil
    }

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the given date (Hinnant's `days_from_civil`).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400).quotient
        let yearOfEra = y - era * 400
        let monthFromMarch = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01 (Hinnant's `civil_from_days`).
    static func civil(fromDaysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days &+ 719_468
        let era = floorDivide(z, 146_097).quotient
        let dayOfEra = z &- era &* 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra &+ era &* 400 &+ (month <= 2 ? 1 : 0), month, day)
    }

    /// Division rounding towards minus infinity, with a remainder that is never negative.
    static func floorDivide(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let result = value.quotientAndRemainder(dividingBy: divisor)
        return result.remainder < 0 ? (result.quotient - 1, result.remainder + divisor) : result
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + zeros + digits
    }
}
