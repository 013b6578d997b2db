import Testing
@testable import CasewayMapping

struct LocalDateTimeTests {
    @Test func rejectsDaysThatDoNotExist() {
        let error = #expect(throws: TransformError.self) { try LocalDateTime(year: 2026, month: 2, day: 29) }
        #expect(error?.kind == .outOfRange)
        #expect(error?.description == #""2026-02-29T00:00:00" is not a date-time (February 2026 has 28 days, not 29)"#)
        #expect(throws: Never.self) { try LocalDateTime(year: 2028, month: 2, day: 29) }
        #expect(throws: TransformError.self) { try LocalDateTime(year: 2100, month: 2, day: 29) }
        #expect(throws: Never.self) { try LocalDateTime(year: 2000, month: 2, day: 29) }
        #expect(throws: TransformError.self) { try LocalDateTime(year: 2026, month: 10, day: 14, hour: 24) }
        #expect(throws: TransformError.self) { try LocalDateTime(year: 2026, month: 10, day: 14, second: 60) }
    }

    @Test func convertsToAndFromInstantsWithAnOffset() throws {
        let local = try LocalDateTime(year: 2026, month: 10, day: 14, hour: 8, minute: 47, second: 12)
        let instant = local.instant(utcOffset: 3600)
        #expect(instant.description == "2026-10-14T07:47:12Z")
        #expect(LocalDateTime(instant, utcOffset: 3600) == local)
    }

    @Test func calendarArithmeticMatchesKnownDays() {
        #expect(LocalDateTime.daysSince1970(year: 1970, month: 1, day: 1) == 0)
        #expect(LocalDateTime.daysSince1970(year: 2000, month: 3, day: 1) == 11_017)
        #expect(LocalDateTime.daysSince1970(year: 1969, month: 12, day: 31) == -1)
        #expect(LocalDateTime.daysSince1970(year: 1, month: 1, day: 1) == -719_162)
        // Every day from 1600 to 2400 survives the round trip and days are consecutive.
        var days = LocalDateTime.daysSince1970(year: 1600, month: 1, day: 1)
        for year in 1600...2400 {
            for month in 1...12 {
                for day in 1...LocalDateTime.daysIn(month: month, year: year) {
                    let civil = LocalDateTime.civil(fromDaysSince1970: days)
                    guard civil == (year, month, day) else {
                        Issue.record("day \(days) is \(civil), expected \(year)-\(month)-\(day)")
                        return
                    }
                    days += 1
                }
            }
        }
    }

    @Test func weekdaysAreISONumbers() throws {
        #expect(try LocalDateTime(year: 2026, month: 10, day: 14).weekday == 3)  // Wednesday
        #expect(try LocalDateTime(year: 2026, month: 10, day: 25).weekday == 7)  // Sunday
        #expect(try LocalDateTime(year: 1970, month: 1, day: 1).weekday == 4)  // Thursday
        #expect(try LocalDateTime(year: 1969, month: 12, day: 29).weekday == 1)  // Monday
    }

    @Test func describesItselfInISOForm() throws {
        #expect(try LocalDateTime(year: 2026, month: 3, day: 9, hour: 7, minute: 5).description == "2026-03-09T07:05:00")
        #expect(try LocalDateTime(year: 2026, month: 3, day: 9, nanosecond: 120_000_000).description == "2026-03-09T00:00:00.12")
    }
}
