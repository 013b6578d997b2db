extension ParsedDateTime {
    /// Parses an ISO 8601 / RFC 3339 date-time in extended format.
    ///
    /// Accepted: `2026-10-14`, `2026-10-14T08:47`, `2026-10-14T08:47:12`, a fraction of 1–9 digits after `.` or `,`
    /// (further digits are refused rather than rounded), `T`, `t` or one space between date and time, and an offset
    /// `Z`, `z`, `+01:00`, `+0100` or `+01`. Not accepted: the basic format (`20261014T084712Z`), week and ordinal
    /// dates, `24:00`, leap second `60`, and surrounding spaces (trim first if a source adds them).
    public init(iso8601 text: some StringProtocol) throws(TransformError) {
        var scanner = ASCIIScanner(text)
        func fail(_ detail: String) -> TransformError {
            TransformError(.invalidDateTime, text: text, reason: "is not an ISO 8601 date-time (\(detail))")
        }
        func expected(_ what: String) -> TransformError {
            fail("expected \(what) at character \(scanner.characterColumn)")
        }

        guard let year = scanner.digits(exactly: 4) else { throw expected("a 4-digit year") }
        guard scanner.take(UInt8(ascii: "-")) else { throw expected("\"-\" after the year") }
        guard let month = scanner.digits(exactly: 2) else { throw expected("a 2-digit month") }
        guard scanner.take(UInt8(ascii: "-")) else { throw expected("\"-\" after the month") }
        guard let day = scanner.digits(exactly: 2) else { throw expected("a 2-digit day") }

        var hour = 0
        var minute = 0
        var second = 0
        var nanosecond = 0
        var offset: Int?
        if !scanner.isAtEnd {
            guard scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: "t")) || scanner.take(UInt8(ascii: " ")) else {
                throw expected("\"T\" between the date and the time")
            }
            guard let parsedHour = scanner.digits(exactly: 2) else { throw expected("a 2-digit hour") }
            guard scanner.take(UInt8(ascii: ":")) else { throw expected("\":\" after the hour") }
            guard let parsedMinute = scanner.digits(exactly: 2) else { throw expected("2-digit minutes") }
            hour = parsedHour
            minute = parsedMinute
            if scanner.take(UInt8(ascii: ":")) {
                guard let parsedSecond = scanner.digits(exactly: 2) else { throw expected("2-digit seconds") }
                second = parsedSecond
                if scanner.take(UInt8(ascii: ".")) || scanner.take(UInt8(ascii: ",")) {
                    guard let fraction = scanner.digits(minimum: 1, maximum: 9) else {
                        throw expected("digits of a fraction of a second")
                    }
                    var scale = 1
                    for _ in fraction.count..<9 { scale *= 10 }
                    nanosecond = fraction.value * scale
                    if let next = scanner.peek, next >= UInt8(ascii: "0"), next <= UInt8(ascii: "9") {
                        throw fail("more than 9 digits of a fraction of a second")
                    }
                }
            }
            if !scanner.isAtEnd {
                guard let parsedOffset = scanner.utcOffset(zulu: true, form: .any) else {
                    throw expected("\"Z\" or an offset such as +01:00")
                }
                offset = parsedOffset
            }
        }
        guard scanner.isAtEnd else { throw fail("unexpected text at character \(scanner.characterColumn)") }
        if let problem = LocalDateTime.problem(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanosecond)
        {
            throw fail(problem)
        }
        if let offset, abs(offset) >= 86_400 { throw fail("the offset is a day or more") }
        self.init(
            local: LocalDateTime(unchecked: year, month, day, hour, minute, second, nanosecond),
            utcOffset: offset)
    }
}
