import Testing
@testable import CasewayMapping

struct DateTimeTransformTests {
    let london: TimeZoneRules

    init() throws {
        london = try TimeZoneRules(identifier: "Europe/London")
    }

    /// requests/pothole.json `submitted_at` → highways-enquiry.xml `enquiry_time` (Europe/London local).
    @Test func potholeSubmissionBecomesTheEnquiryTime() throws {
        let transform = try DateTimeTransform(
            inputZone: london, output: DateTimePattern("yyyy-MM-dd HH:mm:ss"), outputZone: london)
        #expect(try transform.apply("2026-10-14T08:47:12+01:00") == "2026-10-14 08:47:12")
        // The same instant sent in UTC lands on the same wall-clock time.
        #expect(try transform.apply("2026-10-14T07:47:12Z") == "2026-10-14 08:47:12")
    }

    /// requests/missed-bin.xml `created` → waste-drop.csv `Received`.
    @Test func missedBinCreationBecomesTheReceivedColumn() throws {
        let transform = try DateTimeTransform(
            inputZone: london, output: DateTimePattern("dd/MM/yyyy HH:mm"), outputZone: london)
        #expect(try transform.apply("2026-10-20T17:42:09+01:00") == "20/10/2026 17:42")
        #expect(try transform.apply("2026-10-20") == "20/10/2026 00:00")
    }

    /// status-feed.csv local times → RFC 3339 with the offset in force, for servicerequestupdates.
    @Test func statusFeedTimesBecomeOffsetDateTimes() throws {
        let transform = try DateTimeTransform(
            input: .pattern(DateTimePattern("dd/MM/yyyy HH:mm")), inputZone: london,
            output: DateTimePattern("yyyy-MM-dd'T'HH:mm:ssxxx"), outputZone: london)
        #expect(try transform.apply("23/10/2026 11:15") == "2026-10-23T11:15:00+01:00")
        #expect(try transform.apply("25/10/2026 01:30") == "2026-10-25T01:30:00+01:00")
        #expect(try transform.apply("26/10/2026 09:00") == "2026-10-26T09:00:00+00:00")
        let toUTC = try DateTimeTransform(
            input: .pattern(DateTimePattern("dd/MM/yyyy HH:mm")), inputZone: london,
            output: DateTimePattern("yyyy-MM-dd'T'HH:mm:ssXXX"), outputZone: .utc)
        #expect(try toUTC.apply("25/10/2026 01:30") == "2026-10-25T00:30:00Z")
    }

    @Test func rejectingAmbiguityIsAvailable() throws {
        let transform = try DateTimeTransform(
            input: .pattern(DateTimePattern("dd/MM/yyyy HH:mm")), inputZone: london,
            output: DateTimePattern("yyyy-MM-dd'T'HH:mm:ssxxx"), outputZone: london, ambiguity: .reject)
        let error = #expect(throws: TransformError.self) { try transform.apply("25/10/2026 01:30") }
        #expect(error?.kind == .ambiguousLocalTime)
    }

    @Test func anISOWallClockTimeInTheGapNamesTheDocumentText() throws {
        let transform = try DateTimeTransform(inputZone: london, output: DateTimePattern("HH:mm"), outputZone: .utc)
        let error = #expect(throws: TransformError.self) { try transform.apply("2026-03-29T01:30") }
        #expect(error?.kind == .nonexistentLocalTime)
        #expect(error?.value == #""2026-03-29T01:30""#)
    }

    @Test func aPatternThatCannotReadFailsWhenTheMappingLoads() throws {
        let error = #expect(throws: TransformError.self) {
            try DateTimeTransform(
                input: .pattern(DateTimePattern("HH:mm")), inputZone: london,
                output: DateTimePattern("HH:mm"), outputZone: london)
        }
        #expect(error?.kind == .invalidPattern)
    }
}
