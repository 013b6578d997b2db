import Testing
@testable import CasewayMapping

struct DateTimePatternTests {
    let london: TimeZoneRules

    init() throws {
        london = try TimeZoneRules(identifier: "Europe/London")
    }

    private func utc(_ text: String) throws -> Instant {
        try ParsedDateTime(iso8601: text).instant(assumingZone: .utc)
    }

    private func london(_ pattern: String, _ utcText: String) throws -> String {
        try DateTimePattern(pattern).format(utc(utcText), in: london)
    }

    // MARK: Formatting across the clock changes

    @Test func autumnClockChangeInLondon() throws {
        let pattern = "yyyy-MM-dd HH:mm:ss XXX"
        #expect(try london(pattern, "2026-10-24T23:30:00Z") == "2026-10-25 00:30:00 +01:00")
        #expect(try london(pattern, "2026-10-25T00:30:00Z") == "2026-10-25 01:30:00 +01:00")
        #expect(try london(pattern, "2026-10-25T00:59:59Z") == "2026-10-25 01:59:59 +01:00")
        #expect(try london(pattern, "2026-10-25T01:00:00Z") == "2026-10-25 01:00:00 Z")
        #expect(try london(pattern, "2026-10-25T01:30:00Z") == "2026-10-25 01:30:00 Z")
        #expect(try london("HH:mm:ss xxx", "2026-10-25T01:30:00Z") == "01:30:00 +00:00")
    }

    @Test func springClockChangeInLondon() throws {
        let pattern = "yyyy-MM-dd HH:mm:ssxxx"
        #expect(try london(pattern, "2026-03-29T00:59:59Z") == "2026-03-29 00:59:59+00:00")
        #expect(try london(pattern, "2026-03-29T01:00:00Z") == "2026-03-29 02:00:00+01:00")
    }

    @Test func otherZonesFormatWithTheirOwnOffsets() throws {
        let instant = try utc("2026-10-14T07:47:12Z")
        let pattern = try DateTimePattern("yyyy-MM-dd'T'HH:mm:ssXXX")
        #expect(pattern.format(instant, in: try TimeZoneRules(identifier: "Asia/Kolkata")) == "2026-10-14T13:17:12+05:30")
        #expect(pattern.format(instant, in: try TimeZoneRules(identifier: "America/New_York")) == "2026-10-14T03:47:12-04:00")
        #expect(pattern.format(instant, in: .utc) == "2026-10-14T07:47:12Z")
    }

    // MARK: Every field

    @Test func everyFieldFormats() throws {
        let local = try LocalDateTime(year: 2026, month: 3, day: 9, hour: 7, minute: 5, second: 3, nanosecond: 45_600_000)
        let cases: [(String, String)] = [
            ("yyyy yy", "2026 26"),
            ("M MM MMM MMMM", "3 03 Mar March"),
            ("d dd", "9 09"),
            ("H HH h hh a", "7 07 7 07 AM"),
            ("mm ss SSS", "05 03 045"),
            ("EEE EEEE", "Mon Monday"),
            ("XXX xxx Z", "+01:00 +01:00 +0100"),
            ("'Received:' dd/MM/yyyy 'at' HH:mm", "Received: 09/03/2026 at 07:05"),
            ("'o''clock' ''", "o'clock '"),
            ("dd.MM.yyyy, HH:mm — 'ok'", "09.03.2026, 07:05 — ok"),
        ]
        for (pattern, expected) in cases {
            #expect(try DateTimePattern(pattern).format(local, utcOffset: 3600) == expected, "\(pattern)")
        }
        let afternoon = try LocalDateTime(year: 2026, month: 12, day: 31, hour: 12, minute: 0)
        #expect(try DateTimePattern("h:mm a, EEEE d MMMM").format(afternoon) == "12:00 PM, Thursday 31 December")
        let midnight = try LocalDateTime(year: 2026, month: 12, day: 31, hour: 0)
        #expect(try DateTimePattern("hh a").format(midnight) == "12 AM")
        #expect(try DateTimePattern("XXX Z").format(midnight, utcOffset: -16_200) == "-04:30 -0430")
    }

    @Test func smallYearsArePadded() throws {
        let local = try LocalDateTime(year: 33, month: 1, day: 1)
        #expect(try DateTimePattern("yyyy/yy").format(local) == "0033/33")
    }

    // MARK: Compiling

    @Test(arguments: [
        ("YYYY-MM-dd", "YYYY is not a field"),
        ("yyyy-MM-dd HH:mm:ss.SSSS", "SSSS is not a field"),
        ("yyyy-DDD", "DDD is not a field"),
        ("dd 'of MMMM", "a quote is not closed"),
        ("yyyyT", "T is not a field"),
    ])
    func unknownLettersAreRefusedWhenTheMappingLoads(_ pattern: String, _ detail: String) {
        let error = #expect(throws: TransformError.self) { try DateTimePattern(pattern) }
        #expect(error?.kind == .invalidPattern)
        #expect(error?.description.contains(detail) == true, "\(error?.description ?? "no error")")
    }

    @Test func patternsThatCannotReadAreFound() throws {
        #expect(throws: Never.self) { try DateTimePattern("dd/MM/yyyy HH:mm").checkParsable() }
        let noYear = #expect(throws: TransformError.self) { try DateTimePattern("dd/MM HH:mm").checkParsable() }
        #expect(noYear?.description == #""dd/MM HH:mm" cannot be used to read date-times (it has no year)"#)
        #expect(throws: TransformError.self) { try DateTimePattern("dd/MM/yyyy hh:mm").checkParsable() }
        #expect(throws: TransformError.self) { try DateTimePattern("HH:mm").parse("08:47") }
    }

    // MARK: Parsing

    @Test func readsTheWasteAndStatusFeedForm() throws {
        let pattern = try DateTimePattern("dd/MM/yyyy HH:mm")
        #expect(try pattern.parse("20/10/2026 17:42", in: london).description == "2026-10-20T16:42:00Z")
        #expect(try pattern.parse("26/10/2026 09:00", in: london).description == "2026-10-26T09:00:00Z")
    }

    @Test func ambiguousAutumnTimeFollowsThePolicy() throws {
        let pattern = try DateTimePattern("dd/MM/yyyy HH:mm")
        #expect(try pattern.parse("25/10/2026 01:30", in: london).description == "2026-10-25T00:30:00Z")
        #expect(try pattern.parse("25/10/2026 01:30", in: london, ambiguity: .later).description == "2026-10-25T01:30:00Z")
        let error = #expect(throws: TransformError.self) {
            try pattern.parse("25/10/2026 01:30", in: london, ambiguity: .reject)
        }
        #expect(error?.kind == .ambiguousLocalTime)
        #expect(error?.value == #""25/10/2026 01:30""#)
    }

    @Test func nonexistentSpringTimeIsAnErrorNamingTheText() throws {
        let pattern = try DateTimePattern("dd/MM/yyyy HH:mm")
        let error = #expect(throws: TransformError.self) { try pattern.parse("29/03/2026 01:30", in: london) }
        #expect(error?.kind == .nonexistentLocalTime)
        #expect(error?.description == #""29/03/2026 01:30" does not exist in Europe/London: the clocks go forward from 01:00 to 02:00 on 2026-03-29"#)
    }

    @Test func readsNamesTwelveHourClocksAndOffsets() throws {
        let named = try DateTimePattern("EEE d MMM yyyy h:mm a").parse("wed 14 OCT 2026 8:47 pm")
        #expect(named.local == (try LocalDateTime(year: 2026, month: 10, day: 14, hour: 20, minute: 47)))
        let noon = try DateTimePattern("dd/MM/yyyy hh:mm a").parse("14/10/2026 12:05 AM")
        #expect(noon.local.hour == 0)
        let withOffset = try DateTimePattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").parse("2026-10-14T08:47:12.250+01:00", in: .utc)
        #expect(withOffset.description == "2026-10-14T07:47:12.25Z")
        let basic = try DateTimePattern("yyyyMMddHHmmssZ").parse("20261014084712-0130")
        #expect(basic.utcOffset == -5400)
        let shortYear = try DateTimePattern("d/M/yy").parse("1/2/26")
        #expect(shortYear.local == (try LocalDateTime(year: 2026, month: 2, day: 1)))
    }

    @Test(arguments: [
        ("14/10/2026", "dd/MM/yyyy HH:mm", "expected \" \" at character 11"),
        ("14/10/2026 8:47", "dd/MM/yyyy HH:mm", "expected 2 digits of the hour at character 12"),
        ("14/10/2026 08:47 ", "dd/MM/yyyy HH:mm", "unexpected text at character 17"),
        ("31/09/2026 08:47", "dd/MM/yyyy HH:mm", "September 2026 has 30 days, not 31"),
        ("14/13/2026 08:47", "dd/MM/yyyy HH:mm", "month 13 does not exist"),
        ("Mon 14/10/2026", "EEE dd/MM/yyyy", "14/10/2026 is a Wednesday"),
        ("14/10/2026 13:00 PM", "dd/MM/yyyy hh:mm a", "hour 13 is not between 1 and 12"),
        ("14 Oktober 2026", "d MMMM yyyy", "expected a month name such as October at character 4"),
        ("about 8", "dd/MM/yyyy", "expected 2 digits of the day at character 1"),
    ])
    func badTextSaysWhatIsWrong(_ text: String, _ pattern: String, _ detail: String) throws {
        let compiled = try DateTimePattern(pattern)
        let error = #expect(throws: TransformError.self) { try compiled.parse(text) }
        #expect(error?.kind == .invalidDateTime)
        #expect(error?.description.contains(detail) == true, "\(error?.description ?? "no error")")
        #expect(error?.description.hasPrefix("\(TransformError.quoted(text)) is not a date-time of the form \"\(pattern)\"") == true)
    }

    @Test func formatThenParseRoundTrips() throws {
        let pattern = try DateTimePattern("EEEE, d MMMM yyyy 'at' hh:mm:ss.SSS a xxx")
        var instant = try utc("2026-01-01T00:00:00Z")
        for _ in 0..<400 {
            let text = pattern.format(instant, in: london)
            #expect(try pattern.parse(text, in: london) == instant, "\(text)")
            instant = Instant(secondsSince1970: instant.secondsSince1970 + 86_399 + 3_607, nanoseconds: 123_000_000)
        }
    }
}
