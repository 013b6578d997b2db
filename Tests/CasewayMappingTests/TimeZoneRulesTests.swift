import Foundation
import Testing
@testable import CasewayMapping

struct TimeZoneRulesTests {
    let london: TimeZoneRules

    init() throws {
        london = try TimeZoneRules(identifier: "Europe/London")
    }

    private func instant(_ text: String) throws -> Instant {
        try ParsedDateTime(iso8601: text).instant(assumingZone: .utc)
    }

    @Test func londonIsOneHourAheadInSummerOnly() throws {
        #expect(london.utcOffset(at: try instant("2026-10-24T23:30:00Z")) == 3600)
        #expect(london.utcOffset(at: try instant("2026-10-25T00:59:59Z")) == 3600)
        #expect(london.utcOffset(at: try instant("2026-10-25T01:00:00Z")) == 0)
        #expect(london.utcOffset(at: try instant("2026-03-29T00:59:59Z")) == 0)
        #expect(london.utcOffset(at: try instant("2026-03-29T01:00:00Z")) == 3600)
    }

    @Test func agreesWithFoundationAcrossTheTableAndBeyondIt() throws {
        // Every 7 hours 13 minutes from 1850 to 2150: inside the table and in the fallback on both sides.
        for identifier in ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Apia", "Europe/Moscow"] {
            let rules = try TimeZoneRules(identifier: identifier)
            let zone = try #require(TimeZone(identifier: identifier))
            var second = -3_786_825_600
            while second < 5_680_281_600 {
                let expected = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(second)))
                guard rules.utcOffset(atSecond: second) == expected else {
                    Issue.record("\(identifier) at \(Instant(secondsSince1970: second)): \(rules.utcOffset(atSecond: second)) ≠ \(expected)")
                    break
                }
                second += 7 * 3600 + 13 * 60
            }
        }
    }

    @Test func autumnHourResolvesByPolicy() throws {
        let local = try LocalDateTime(year: 2026, month: 10, day: 25, hour: 1, minute: 30)
        #expect(try london.instant(for: local).description == "2026-10-25T00:30:00Z")
        #expect(try london.instant(for: local, ambiguity: .earlier).description == "2026-10-25T00:30:00Z")
        #expect(try london.instant(for: local, ambiguity: .later).description == "2026-10-25T01:30:00Z")
        let error = #expect(throws: TransformError.self) { try london.instant(for: local, ambiguity: .reject) }
        #expect(error?.kind == .ambiguousLocalTime)
        #expect(error?.reason == "happens twice in Europe/London (at +01:00 and at +00:00) because the clocks go back then")
    }

    @Test func springGapIsAnError() throws {
        let local = try LocalDateTime(year: 2026, month: 3, day: 29, hour: 1, minute: 30)
        let error = #expect(throws: TransformError.self) { try london.instant(for: local) }
        #expect(error?.kind == .nonexistentLocalTime)
        #expect(error?.reason == "does not exist in Europe/London: the clocks go forward from 01:00 to 02:00 on 2026-03-29")
        // Either side of the gap is fine.
        let before = try LocalDateTime(year: 2026, month: 3, day: 29, hour: 0, minute: 59, second: 59)
        let after = try LocalDateTime(year: 2026, month: 3, day: 29, hour: 2)
        #expect(try london.instant(for: before).description == "2026-03-29T00:59:59Z")
        #expect(try london.instant(for: after).description == "2026-03-29T01:00:00Z")
    }

    @Test func otherZonesResolveToo() throws {
        let newYork = try TimeZoneRules(identifier: "America/New_York")
        // US clocks go back on 1 Nov 2026 at 02:00 EDT.
        let repeated = try LocalDateTime(year: 2026, month: 11, day: 1, hour: 1, minute: 30)
        #expect(try newYork.instant(for: repeated).description == "2026-11-01T05:30:00Z")
        #expect(try newYork.instant(for: repeated, ambiguity: .later).description == "2026-11-01T06:30:00Z")
        let kolkata = try TimeZoneRules(identifier: "Asia/Kolkata")
        #expect(try kolkata.instant(for: repeated).description == "2026-10-31T20:00:00Z")
        // Samoa skipped 30 December 2011 entirely.
        let apia = try TimeZoneRules(identifier: "Pacific/Apia")
        let skipped = try LocalDateTime(year: 2011, month: 12, day: 30, hour: 12)
        #expect(throws: TransformError.self) { try apia.instant(for: skipped) }
    }

    @Test func unknownAndAbbreviatedNamesAreRefused() {
        let bst = #expect(throws: TransformError.self) { try TimeZoneRules(identifier: "BST") }
        #expect(bst?.kind == .unknownTimeZone)
        #expect(bst?.description.contains("Europe/London") == true)
        #expect(throws: TransformError.self) { try TimeZoneRules(identifier: "Europe/Londres") }
        #expect(throws: TransformError.self) { try TimeZoneRules(identifier: "") }
    }

    @Test func utcNamesNeedNoFoundation() throws {
        #expect(try TimeZoneRules(identifier: "UTC").identifier == "UTC")
        #expect(try TimeZoneRules(identifier: "Etc/UTC").utcOffset(at: Instant(secondsSince1970: 0)) == 0)
        #expect(TimeZoneRules.utc.utcOffset(at: Instant(secondsSince1970: 1_792_891_800)) == 0)
    }
}
