import Testing
@testable import CasewayMapping

/// Each transform, through a whole mapping run, as an integrator would use it.
struct MappingTransformTests {
    /// The JSON output of one field `out` with `transforms`, reading `input`.
    private func mapped(_ transforms: String, source: String = #"source: "$.v""#, input: String) throws -> String {
        let mapping = try MappingTestSupport.jsonMapping(#"{ target: "out", \#(source), transforms: [\#(transforms)] }"#)
        return try MappingTestSupport.run(mapping, input)
    }

    @Test func textTransforms() throws {
        #expect(try mapped(#""trim", "upper""#, input: #"{"v": "  kv3 9lt "}"#) == #"{"out":"KV3 9LT"}"#)
        #expect(try mapped(#""lower""#, input: #"{"v": "SIZE"}"#) == #"{"out":"size"}"#)
        #expect(try mapped(#"{ truncate: 3 }"#, input: #"{"v": "Siobhán"}"#) == #"{"out":"Sio"}"#)
        #expect(try mapped(#"{ pad: 6, with: "0", side: "start" }"#, input: #"{"v": "42"}"#) == #"{"out":"000042"}"#)
        #expect(try mapped(#"{ fixed_width: 4 }"#, input: #"{"v": "abcdef"}"#) == #"{"out":"abcd"}"#)
        #expect(try mapped(#"{ replace: "\\s+", with: " " }"#, input: #"{"v": "a \n\t b"}"#) == #"{"out":"a b"}"#)
    }

    @Test func defaultAndRequired() throws {
        #expect(try mapped(#"{ default: "n/a" }"#, input: #"{}"#) == #"{"out":"n/a"}"#)
        #expect(try mapped(#"{ default: "n/a" }"#, input: #"{"v": ""}"#) == #"{"out":"n/a"}"#)
        let mapping = try MappingTestSupport.jsonMapping(#"{ target: "Enquiry/Ref", source: "$.ref", transforms: ["required"] }"#)
        #expect(MappingTestSupport.problems(mapping, "{}") == ["Enquiry/Ref: is required but missing (from $.ref)"])
        #expect(MappingTestSupport.problems(mapping, #"{"ref": null}"#) == ["Enquiry/Ref: is required but empty (from $.ref)"])
    }

    @Test func missingOptionalField_IsLeftOut() throws {
        #expect(try mapped(#""trim""#, input: #"{}"#) == "{}")
    }

    @Test func concatJoinSplitAndTemplate() throws {
        #expect(try mapped(#"{ join: " " }"#, source: #"sources: ["$.a", "$.b", "$.c"]"#, input: #"{"a": "Dev", "c": "Chaudhry"}"#)
            == #"{"out":"Dev Chaudhry"}"#)
        #expect(try mapped(#"{ template: "{0}/{1} {{x}}" }"#, source: #"sources: ["$.a", { value: 7 }]"#, input: #"{"a": "s"}"#)
            == #"{"out":"s/7 {x}"}"#)
        #expect(try mapped(#"{ split: "," }, "trim""#, input: #"{"v": "road, safety ,cycling"}"#) == #"{"out":["road","safety","cycling"]}"#)
        #expect(try mapped(#"{ join: "," }"#, input: #"{"v": ["road", "safety"]}"#) == #"{"out":"road,safety"}"#)
    }

    @Test func numberFormatting() throws {
        #expect(try mapped(#"{ number: 2 }"#, input: #"{"v": 2.675}"#) == #"{"out":"2.68"}"#)
        #expect(try mapped(#"{ number: 0, width: 6 }"#, input: #"{"v": "42"}"#) == #"{"out":"000042"}"#)
        #expect(try mapped(#"{ number: 2, grouping: "," }"#, input: #"{"v": 1234567.891}"#) == #"{"out":"1,234,567.89"}"#)
        let mapping = try MappingTestSupport.jsonMapping(#"{ target: "Enquiry/Easting", source: "$.location.lat", type: "number" }"#)
        #expect(MappingTestSupport.problems(mapping, #"{"location": {"lat": "abc"}}"#)
            == [#"Enquiry/Easting: "abc" is not a number (from $.location.lat)"#])
    }

    @Test func dateTime_AcrossTheClockChange() throws {
        let transform = #"{ datetime: "yyyy-MM-dd HH:mm:ss", zone: "Europe/London" }"#
        // BST (+01:00) before 01:00 UTC on Sunday 25 October 2026, GMT after.
        #expect(try mapped(transform, input: #"{"v": "2026-10-25T00:59:59Z"}"#) == #"{"out":"2026-10-25 01:59:59"}"#)
        #expect(try mapped(transform, input: #"{"v": "2026-10-25T01:00:00Z"}"#) == #"{"out":"2026-10-25 01:00:00"}"#)
        #expect(try mapped(transform, input: #"{"v": "2026-10-14T08:47:12+01:00"}"#) == #"{"out":"2026-10-14 08:47:12"}"#)
        #expect(try mapped(transform, input: #"{"v": "2026-03-29T01:30:00Z"}"#) == #"{"out":"2026-03-29 02:30:00"}"#)
        let utc = #"{ datetime: "yyyy-MM-dd'T'HH:mm:ssXXX", from: "dd/MM/yyyy HH:mm", from_zone: "Europe/London", zone: "UTC" }"#
        #expect(try mapped(utc, input: #"{"v": "25/10/2026 01:30"}"#) == #"{"out":"2026-10-25T00:30:00Z"}"#)
        let mapping = try MappingTestSupport.jsonMapping(#"{ target: "when", source: "$.v", transforms: [\#(transform)] }"#)
        #expect(MappingTestSupport.problems(mapping, #"{"v": "yesterday"}"#).first?.hasPrefix(#"when: "yesterday""#) == true)
    }

    @Test func booleanWords() throws {
        #expect(try mapped(#"{ boolean: ["yes", "no"] }"#, input: #"{"v": true}"#) == #"{"out":"yes"}"#)
        #expect(try mapped(#"{ boolean: ["Y", "N"] }"#, input: #"{"v": "false"}"#) == #"{"out":"N"}"#)
        let mapping = try MappingTestSupport.jsonMapping(#"{ target: "flag", source: "$.v", transforms: [{ boolean: ["Y", "N"] }] }"#)
        #expect(MappingTestSupport.problems(mapping, #"{"v": "maybe"}"#).count == 1)
    }

    @Test func gridReference_FromLatitudeLongitude() throws {
        let input = #"{"lat": 52.41263, "long": -1.08417}"#
        #expect(try mapped(#""easting""#, source: #"sources: ["$.lat", "$.long"]"#, input: input) == #"{"out":462391}"#)
        #expect(try mapped(#""northing""#, source: #"sources: ["$.lat", "$.long"]"#, input: input) == #"{"out":279798}"#)
        let mapping = try MappingTestSupport.jsonMapping(#"{ target: "E", sources: ["$.lat", "$.long"], transforms: ["easting"] }"#)
        #expect(MappingTestSupport.problems(mapping, #"{"lat": 40.7, "long": -74.0}"#).count == 1)
        #expect(MappingTestSupport.problems(mapping, #"{"lat": 52.4, "long": "west"}"#) == [#"E: longitude "west" is not a number (from $.long)"#])
    }

    @Test func postcode_ErrorOrEmpty() throws {
        #expect(try mapped(#""postcode""#, input: #"{"v": "kv12 4rx"}"#) == #"{"out":"KV12 4RX"}"#)
        #expect(try mapped(#"{ postcode: "empty" }"#, input: #"{"v": "not one"}"#) == #"{"out":""}"#)
        let mapping = try MappingTestSupport.jsonMapping(#"{ target: "pc", source: "$.v", transforms: [{ postcode: "error" }] }"#)
        #expect(MappingTestSupport.problems(mapping, #"{"v": "not one"}"#).first?.hasPrefix(#"pc: "not one""#) == true)
    }

    @Test func lookups_WithDefaultsColumnsAndUnknownKeys() throws {
        let tables = #"tables: { cats: { entries: { HW_POT: { category: "HWY", type: "DEF" } } }, urg: { entries: { high: 1 }, default: 3 } },"#
        let mapping = try MappingTestSupport.jsonMapping(
            """
            { target: "cat", source: "$.code", transforms: [{ lookup: "cats", column: "category" }] },
            { target: "type", source: "$.code", transforms: [{ lookup: "cats", column: "type" }] },
            { target: "urgency", source: "$.priority", transforms: [{ lookup: "urg" }] },
            { target: "inline", source: "$.priority", transforms: [{ lookup: { entries: { high: "H" }, default: "L" } }] }
            """, extra: tables)
        #expect(try MappingTestSupport.run(mapping, #"{"code": "HW_POT", "priority": "low"}"#)
            == #"{"cat":"HWY","type":"DEF","urgency":3,"inline":"L"}"#)
        #expect(MappingTestSupport.problems(mapping, #"{"code": "HW_XYZ", "priority": "high"}"#) == [
            #"cat: "HW_XYZ" is not in table "cats" and the table has no default (from $.code)"#,
            #"type: "HW_XYZ" is not in table "cats" and the table has no default (from $.code)"#,
        ])
    }

    @Test func countAndFirst() throws {
        #expect(try mapped(#""count""#, input: #"{"v": [1, 2, 3]}"#) == #"{"out":3}"#)
        #expect(try mapped(#""count""#, input: #"{}"#) == #"{"out":0}"#)
        #expect(try mapped(#""first""#, source: #"source: "$.v[*].u""#, input: #"{"v": [{"u": "a"}, {"u": "b"}]}"#) == #"{"out":"a"}"#)
    }

    @Test func everyFieldError_IsReportedAtOnce() throws {
        let mapping = try MappingTestSupport.jsonMapping(
            """
            { target: "a", source: "$.a", transforms: ["required"] },
            { target: "b", source: "$.b", type: "number" },
            { target: "c", source: "$.c", transforms: ["postcode"] }
            """)
        let problems = MappingTestSupport.problems(mapping, #"{"b": "x", "c": "y"}"#)
        #expect(problems.count == 3)
        #expect(problems.first == "a: is required but missing (from $.a)")
    }
}
