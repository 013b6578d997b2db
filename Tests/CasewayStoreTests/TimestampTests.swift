import CasewayStore
import Testing

struct TimestampTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_795_441_291_123, "2026-11-23T13:41:31.123Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
    ])
    func description_isRFC3339InUTC(milliseconds: Int64, expected: String) {
        #expect(Timestamp(millisecondsSinceEpoch: milliseconds).description == expected)
    }

    @Test func advancing_byDurations_worksInWholeMilliseconds() {
        let start = Timestamp(millisecondsSinceEpoch: 1_000)
        #expect(start.advanced(by: .seconds(30)).millisecondsSinceEpoch == 31_000)
        #expect(start.advanced(by: .milliseconds(-250)).millisecondsSinceEpoch == 750)
        #expect(start.advanced(by: .microseconds(1_999)).millisecondsSinceEpoch == 1_001)
        #expect(start.advanced(by: .seconds(Int64.max)).millisecondsSinceEpoch == .max)
        #expect(start.advanced(by: .seconds(5)).duration(since: start) == .seconds(5))
    }

    @Test func manualClock_movesOnlyWhenTold() {
        let clock = ManualClock(Timestamp(millisecondsSinceEpoch: 5_000))
        #expect(clock.now().millisecondsSinceEpoch == 5_000)
        clock.advance(by: .seconds(2))
        #expect(clock.now().millisecondsSinceEpoch == 7_000)
        clock.set(Timestamp(millisecondsSinceEpoch: 1))
        #expect(clock.now().millisecondsSinceEpoch == 1)
    }
}
