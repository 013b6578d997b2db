import Foundation
import Testing
@testable import CasewayMapping

struct InstantTests {
    @Test func nanosecondsCarryIntoSeconds() {
        #expect(Instant(secondsSince1970: 10, nanoseconds: 1_500_000_000) == Instant(secondsSince1970: 11, nanoseconds: 500_000_000))
        #expect(Instant(secondsSince1970: 10, nanoseconds: -1) == Instant(secondsSince1970: 9, nanoseconds: 999_999_999))
    }

    @Test func roundTripsThroughFoundationDateToTheMicrosecond() throws {
        let instant = Instant(secondsSince1970: 1_792_626_432, nanoseconds: 123_456_000)
        let back = try #require(Instant(instant.date))
        #expect(back == instant)
        #expect(Instant(Date(timeIntervalSince1970: .infinity)) == nil)
    }

    @Test func describesItselfInUTC() {
        #expect(Instant(secondsSince1970: 1_792_891_800).description == "2026-10-25T01:30:00Z")
        #expect(Instant(secondsSince1970: -1).description == "1969-12-31T23:59:59Z")
    }

    @Test func ordersByTime() {
        #expect(Instant(secondsSince1970: 1, nanoseconds: 5) < Instant(secondsSince1970: 1, nanoseconds: 6))
        #expect(Instant(secondsSince1970: 0, nanoseconds: 999_999_999) < Instant(secondsSince1970: 1))
    }
}
