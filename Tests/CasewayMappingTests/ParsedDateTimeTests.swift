import Testing
@testable import CasewayMapping

struct ParsedDateTimeTests {
    @Test func readsAnRFC3339OffsetDateTime() throws {
        let parsed = try ParsedDateTime(iso8601: "2026-10-14T08:47:12+01:00")
        #expect(parsed.local == (try LocalDateTime(year: 2026, month: 10, day: 14, hour: 8, minute: 47, second: 12)))
        #expect(parsed.utcOffset == 3600)
        #expect(try parsed.instant(assumingZone: .utc).description == "2026-10-14T07:47:12Z")
    }

    @Test(arguments: [
        ("2026-10-27T16:52:40Z", "2026-10-27T16:52:40Z"),
        ("2026-10-27t16:52:40z", "2026-10-27T16:52:40Z"),
        ("2026-10-27 16:52:40Z", "2026-10-27T16:52:40Z"),
        ("2026-10-28T09:47:10+00:00", "2026-10-28T09:47:10Z"),
        ("2026-10-28T09:47:10-05:00", "2026-10-28T14:47:10Z"),
        ("2026-10-28T09:47:10+0530", "2026-10-28T04:17:10Z"),
        ("2026-10-28T09:47:10+01", "2026-10-28T08:47:10Z"),
        ("2026-10-28T09:47Z", "2026-10-28T09:47:00Z"),
        ("2026-10-28T09:47:10.5Z", "2026-10-28T09:47:10.5Z"),
        ("2026-10-28T09:47:10,250Z", "2026-10-28T09:47:10.25Z"),
        ("2026-10-28T09:47:10.123456789Z", "2026-10-28T09:47:10.123456789Z"),
    ])
    func readsTheForms(_ text: String, _ utc: String) throws {
        #expect(try ParsedDateTime(iso8601: text).instant(assumingZone: .utc).description == utc)
    }

    @Test func textWithoutAnOffsetIsReadInTheAssumedZone() throws {
        let london = try TimeZoneRules(identifier: "Europe/London")
        let dateOnly = try ParsedDateTime(iso8601: "2026-10-14")
        #expect(dateOnly.utcOffset == nil)
        #expect(try dateOnly.instant(assumingZone: london).description == "2026-10-13T23:00:00Z")
        let wallClock = try ParsedDateTime(iso8601: "2026-10-25T01:30:00")
        #expect(try wallClock.instant(assumingZone: london, ambiguity: .later).description == "2026-10-25T01:30:00Z")
    }

    @Test(arguments: [
        ("2026-13-01", "month 13 does not exist"),
        ("2026-02-29", "February 2026 has 28 days, not 29"),
        ("2026-10-14T24:00:00Z", "hour 24 is not between 0 and 23"),
        ("2026-10-14T08:60Z", "minute 60"),
        ("2026-10-14T08:47:60Z", "second 60"),
        ("26-10-14", "expected a 4-digit year at character 1"),
        ("2026/10/14", "expected \"-\" after the year at character 5"),
        ("2026-10-14X08:47", "expected \"T\" between the date and the time at character 11"),
        ("2026-10-14T08:47:12+01:00 ", "unexpected text at character 26"),
        ("2026-10-14T08:47:12 BST", "expected \"Z\" or an offset such as +01:00 at character 20"),
        ("2026-10-14T08:47:12.1234567891Z", "more than 9 digits"),
        ("2026-10-14T08:47:12.Z", "digits of a fraction"),
        ("2026-10-14T08:47:12+01:75", "offset"),
        ("", "expected a 4-digit year"),
    ])
    func badTextSaysWhatIsWrong(_ text: String, _ detail: String) {
        let error = #expect(throws: TransformError.self) { try ParsedDateTime(iso8601: text) }
        #expect(error?.kind == .invalidDateTime)
        #expect(error?.description.contains(detail) == true, "\(error?.description ?? "no error")")
        #expect(error?.description.hasPrefix(TransformError.quoted(text) + " is not an ISO 8601 date-time (") == true)
    }
}
