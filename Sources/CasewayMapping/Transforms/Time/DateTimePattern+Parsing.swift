extension DateTimePattern {
    /// Fails unless the pattern can read a date-time back: it needs a year, a month and a day, and `h`/`hh`
    /// need `a`. Call it when loading a mapping that parses, so the mistake surfaces then and not on a document.
    public func checkParsable() throws(TransformError) {
        if let unparsableReason {
            throw TransformError(.invalidPattern, text: pattern, reason: "cannot be used to read date-times (\(unparsableReason))")
        }
    }

    /// Why `elements` cannot read a date-time back, or nil; worked out once, when the pattern is compiled.
    static func unparsableReason(_ elements: [Element]) -> String? {
        let fields = Set(elements.filter { if case .literal = $0 { false } else { true } })
        if fields.isDisjoint(with: [.year4, .year2]) { return "it has no year" }
        if fields.isDisjoint(with: [.month1, .month2, .monthShortName, .monthName]) { return "it has no month" }
        if fields.isDisjoint(with: [.day1, .day2]) { return "it has no day" }
        if !fields.isDisjoint(with: [.clockHour1, .clockHour2]), !fields.contains(.amPm) {
            return "h and hh need a for AM or PM"
        }
        return nil
    }

    /// Reads text written in this pattern: exactly, with no surrounding spaces, names in any letter case.
    ///
    /// `dd`, `MM`, `HH`, `mm`, `ss` need two digits and `yyyy` four; `d`, `M`, `H`, `h` take one or two. `yy` is
    /// read as 2000–2099. A weekday name must agree with the date. Missing time fields are zero.
    public func parse(_ text: some StringProtocol) throws(TransformError) -> ParsedDateTime {
        try checkParsable()
        var scanner = ASCIIScanner(text)
        func fail(_ detail: String) -> TransformError {
            TransformError(.invalidDateTime, text: text, reason: "is not a date-time of the form \(TransformError.quoted(pattern)) (\(detail))")
        }
        func expected(_ what: String) -> TransformError {
            fail("expected \(what) at character \(scanner.characterColumn)")
        }
        func number(_ minimum: Int, _ maximum: Int, _ what: String) throws(TransformError) -> Int {
            guard let value = scanner.digits(minimum: minimum, maximum: maximum)?.value else {
                throw expected(minimum == maximum ? "\(minimum) digits of \(what)" : "\(what)")
            }
            return value
        }
        func name(_ names: [[UInt8]], _ what: String) throws(TransformError) -> Int {
            for (index, candidate) in names.enumerated() where scanner.takeIgnoringCase(candidate) { return index + 1 }
            throw expected(what)
        }

        var year = 0
        var month = 0
        var day = 0
        var hour: Int?
        var clockHour: Int?
        var isAfternoon: Bool?
        var minute = 0
        var second = 0
        var nanosecond = 0
        var offset: Int?
        var weekday: Int?
        for element in elements {
            switch element {
            case .literal(let bytes):
                guard scanner.take(bytes) else {
                    throw expected(TransformError.quoted(String(decoding: bytes, as: UTF8.self)))
                }
            case .year4: year = try number(4, 4, "the year")
            case .year2: year = 2000 + (try number(2, 2, "the year"))
            case .month1: month = try number(1, 2, "the month")
            case .month2: month = try number(2, 2, "the month")
            case .monthShortName: month = try name(Self.shortMonthNames, "a month name such as Oct")
            case .monthName: month = try name(Self.monthNames, "a month name such as October")
            case .day1: day = try number(1, 2, "the day")
            case .day2: day = try number(2, 2, "the day")
            case .hour1: hour = try number(1, 2, "the hour")
            case .hour2: hour = try number(2, 2, "the hour")
            case .clockHour1: clockHour = try number(1, 2, "the hour")
            case .clockHour2: clockHour = try number(2, 2, "the hour")
            case .minute2: minute = try number(2, 2, "the minutes")
            case .second2: second = try number(2, 2, "the seconds")
            case .millisecond3: nanosecond = try number(3, 3, "the milliseconds") * 1_000_000
            case .amPm: isAfternoon = try name(Self.amPmNames, "AM or PM") == 2
            case .offsetOrZ, .offsetColon, .offsetBasic:
                guard let parsed = scanner.utcOffset(zulu: element == .offsetOrZ, form: element == .offsetBasic ? .basic : .colon) else {
                    throw expected(element == .offsetBasic ? "an offset such as +0100" : "an offset such as +01:00")
                }
                offset = parsed
            case .weekdayShortName: weekday = try name(Self.shortWeekdayNames, "a weekday such as Wed")
            case .weekdayName: weekday = try name(Self.weekdayNames, "a weekday such as Wednesday")
            }
        }
        guard scanner.isAtEnd else { throw fail("unexpected text at character \(scanner.characterColumn)") }

        if hour == nil, let clockHour {
            guard (1...12).contains(clockHour) else { throw fail("hour \(clockHour) is not between 1 and 12") }
            hour = clockHour % 12 + (isAfternoon == true ? 12 : 0)
        }
        if let problem = LocalDateTime.problem(
            year: year, month: month, day: day, hour: hour ?? 0, minute: minute, second: second, nanosecond: nanosecond)
        {
            throw fail(problem)
        }
        let local = LocalDateTime(unchecked: year, month, day, hour ?? 0, minute, second, nanosecond)
        if let weekday, weekday != local.weekday {
            let actual = String(decoding: Self.weekdayNames[local.weekday - 1], as: UTF8.self)
            throw fail("\(LocalDateTime.padded(day, 2))/\(LocalDateTime.padded(month, 2))/\(year) is a \(actual)")
        }
        return ParsedDateTime(local: local, utcOffset: offset)
    }

    /// Reads text written in this pattern as the clocks in `zone` show it; an offset in the text wins over the zone.
    public func parse(
        _ text: some StringProtocol, in zone: TimeZoneRules, ambiguity: AmbiguousTimePolicy = .earlier
    ) throws(TransformError) -> Instant {
        let parsed = try parse(text)
        do {
            return try parsed.instant(assumingZone: zone, ambiguity: ambiguity)
        } catch {
            // Name the text as the document wrote it, not our ISO rendering of it.
            throw TransformError(error.kind, text: text, reason: error.reason)
        }
    }
}
