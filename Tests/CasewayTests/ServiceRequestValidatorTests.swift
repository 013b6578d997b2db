import CasewayMapping
import Testing

@testable import Caseway

struct ServiceRequestValidatorTests {
    /// The project's own copy of a good native request, modelled on the fixtures' pothole report.
    static let pothole = """
        {
          "schema": "caseway.service-request/1",
          "recipient": "southmoor-cc",
          "source": { "system": "southmoor-webforms", "reference": "WF-26-118342", "channel": "web" },
          "service_code": "HW_POT",
          "category": "Pothole",
          "description": "Large pothole in the eastbound lane just past the zebra crossing.",
          "location": { "lat": 52.41263, "long": -1.08417, "address_lines": ["Outside 41 Cobbler's Row"],
                        "postcode": "KV12 4RX", "usrn": "38201577", "uprn": null },
          "reporter": { "first_name": "Margaret", "last_name": "Oyelaran", "email": "m.oyelaran@example.org" },
          "attributes": { "depth_cm": 12, "on_carriageway": true },
          "photos": [ { "url": "https://forms.southmoor.example.org/uploads/WF-26-118342/photo-1.jpg" } ],
          "submitted_at": "2026-10-14T08:47:12+01:00"
        }
        """

    func problems(_ text: String) throws -> [String] {
        ServiceRequestValidator().problems(in: try JSONValue(parsing: text)).map(\.description)
    }

    @Test func goodRequest_HasNoProblems() throws {
        #expect(try problems(Self.pothole) == [])
    }

    @Test func wrongTypes_AreAllListedWithTheirPointers() throws {
        let text = """
            { "schema": "caseway.service-request/1", "service_code": "HW_POT", "location": { "lat": "abc", "long": -1.08 },
              "attributes": { "depth_cm": "about 8", "nested": { "a": 1 } },
              "photos": "https://example.org/p.jpg", "submitted_at": "yesterday" }
            """
        #expect(
            try problems(text) == [
                #"/location/lat: expected a number, found string "abc""#,
                "/attributes/nested: expected a string, number, boolean or null, found object",
                "/photos: expected an array of photos, found string",
                #"/submitted_at: "yesterday" is not an ISO 8601 date-time: "#
                    + (try ServiceRequestValidatorTests.isoReason("yesterday")),
            ])
    }

    static func isoReason(_ text: String) throws -> String {
        do {
            _ = try ParsedDateTime(iso8601: text)
            return ""
        } catch {
            return error.reason
        }
    }

    @Test func missingServiceCode_IsRequired() throws {
        #expect(try problems(#"{ "description": "fly-tipping" }"#) == ["/service_code: service_code is required"])
    }

    @Test func pathTraversalReference_IsRefused() throws {
        let text = #"{ "service_code": "PE_BRE", "source": { "reference": "../../etc/cron.d/x" } }"#
        #expect(
            try problems(text) == [
                #"/source/reference: "../../etc/cron.d/x" is not a reference: "." and ".." path segments are not allowed"#
            ])
        #expect(ServiceRequestValidator.referenceProblem("HE/2026/048213") == nil, "slashes inside a reference are fine")
        #expect(ServiceRequestValidator.referenceProblem("A\nB") == "must not contain control characters")
        #expect(ServiceRequestValidator.referenceProblem("/etc/passwd") != nil)
    }

    @Test func outOfRangeAndOverlongValues_AreNamed() throws {
        let long = String(repeating: "x", count: 20_001)
        let text = #"{ "schema": "caseway.service-request/1", "service_code": "HW POT", "location": { "lat": 91, "long": 0 }, "description": "\#(long)" }"#
        #expect(
            try problems(text) == [
                #"/service_code: "HW POT" is not a service code (1 to 64 letters, digits, "_", "-" or ".")"#,
                "/description: description too long (20001 characters; at most 20000)",
                "/location/lat: 91 is out of range (-90.0 to 90.0)",
            ])
    }

    @Test func otherShapes_OnlyNeedAServiceCodeAndASafeReference() throws {
        // An Open311-like body from another front office: its own attributes array, media, timestamps.
        let open311 = #"{ "service_code": "POTHOLE-STREET", "attributes": [ { "code": "SIZE", "value": "large" } ],"#
            + #" "location": { "lat": "52.52" }, "media": [ { "url": "x" } ] }"#
        #expect(try problems(open311) == [])
        #expect(try problems(#"{ "attributes": [] }"#) == ["/service_code: service_code is required"])
    }

    @Test func notAnObject_IsRefusedAtTheRoot() throws {
        #expect(try problems("[1, 2]") == ["/: expected a JSON object (a service request), found array"])
        #expect(try problems(#"{ "schema": "other/2", "service_code": "X" }"#) == [
            #"/schema: unknown schema "other/2" (this hub reads "caseway.service-request/1")"#
        ])
    }

    @Test func jsonPointer_EscapesTildeAndSlash() {
        #expect((ValuePath.root / "a/b" / "c~d" / 3).jsonPointer == "/a~1b/c~0d/3")
    }
}
