import Testing
import CasewayMapping

/// The project's own copies of the shared request fixtures (pothole.json and bad/truncated.json,
/// bad/duplicate-keys.json, bad/utf16-body.json), so the tests pass from a clone with nothing beside it.
struct JSONRequestFixtureTests {
    /// A well-formed request body; `usrn` is a string of digits and `uprn` is null on purpose.
    static let pothole = """
        {
          "schema": "caseway.service-request/1",
          "recipient": "southmoor-cc",
          "source": {
            "system": "southmoor-webforms",
            "reference": "WF-26-118342",
            "channel": "web"
          },
          "service_code": "HW_POT",
          "category": "Pothole",
          "group": "Highways",
          "description": "Large pothole in the eastbound lane just past the zebra crossing. Cars are swerving round it into oncoming traffic.",
          "location": {
            "lat": 52.41263,
            "long": -1.08417,
            "address_lines": ["Outside 41 Cobbler's Row", "Kestrel Vale"],
            "postcode": "KV12 4RX",
            "usrn": "38201577",
            "uprn": null,
            "note": "About 10 m east of the zebra crossing"
          },
          "reporter": {
            "first_name": "Margaret",
            "last_name": "Oyelaran",
            "email": "m.oyelaran@example.org",
            "phone": "01632 960418",
            "contact_preference": "email"
          },
          "attributes": {
            "depth_cm": 12,
            "width_cm": 55,
            "on_carriageway": true,
            "vehicle_damage": false
          },
          "photos": [
            {
              "url": "https://forms.southmoor.example.org/uploads/WF-26-118342/photo-1.jpg",
              "content_type": "image/jpeg"
            },
            {
              "url": "https://forms.southmoor.example.org/uploads/WF-26-118342/photo-2.jpg",
              "content_type": "image/jpeg"
            }
          ],
          "submitted_at": "2026-10-14T08:47:12+01:00"
        }
        """ + "\n"

    /// Cut off mid-string, as when a proxy drops the end of an upload (no final newline).
    static let truncated = """
        {
          "schema": "caseway.service-request/1",
          "recipient": "southmoor-cc",
          "source": { "system": "southmoor-webforms", "reference": "WF-26-118390", "channel": "web" },
          "service_code": "HW_POT",
          "category": "Pothole",
          "description": "Two potholes side by side on the bend outside the primary sch
        """

    /// `service_code` twice: HW_POT, then WS_FLY.
    static let duplicateKeys = """
        {
          "schema": "caseway.service-request/1",
          "recipient": "southmoor-cc",
          "source": { "system": "southmoor-webforms", "reference": "WF-26-118391", "channel": "web" },
          "service_code": "HW_POT",
          "category": "Pothole",
          "description": "Pothole at the entrance to the Wharf Road recycling centre.",
          "location": { "lat": 52.40955, "long": -1.07811, "postcode": "KV12 4RF" },
          "reporter": { "first_name": "Ian", "last_name": "Pryce", "email": "ian.pryce@example.org" },
          "service_code": "WS_FLY",
          "submitted_at": "2026-10-16T10:03:55+01:00"
        }
        """ + "\n"

    /// Valid JSON sent as UTF-16LE with a byte order mark, labelled as UTF-8.
    static var utf16Body: [UInt8] {
        let text = """
            {
              "schema": "caseway.service-request/1",
              "recipient": "kestrel-vale-dc",
              "source": {
                "system": "kv-webforms",
                "reference": "KVF-26-55131",
                "channel": "web"
              },
              "service_code": "WS_MISS",
              "category": "Missed bin collection",
              "description": "Garden waste bin not emptied on Thursday — second time this month.",
              "location": {
                "lat": 52.41461,
                "long": -1.08925,
                "postcode": "KV3 9LU"
              },
              "reporter": {
                "first_name": "Zoë",
                "last_name": "Hartley",
                "email": "zoe.hartley@example.org"
              },
              "submitted_at": "2026-10-23T07:58:19+01:00"
            }
            """ + "\n"
        return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
    }

    @Test func pothole_IsParsedWithNumbersKeptAsWritten() throws {
        let value = try JSONValue(parsing: Self.pothole)
        #expect(value["service_code"] == .string("HW_POT"))
        #expect(value["location"]?["lat"]?.numberValue?.text == "52.41263")
        #expect(value["location"]?["long"]?.numberValue?.text == "-1.08417")
        #expect(value["location"]?["usrn"] == .string("38201577"))
        #expect(value["location"]?["uprn"] == .null)
        #expect(value["location"]?["address_lines"]?.arrayValue?.count == 2)
        #expect(value["attributes"]?["depth_cm"]?.numberValue?.intValue == 12)
        #expect(value["attributes"]?["on_carriageway"] == .bool(true))
        #expect(value["photos"]?.arrayValue?.last?["content_type"] == .string("image/jpeg"))
        #expect(value.objectValue?.keys.first == "schema")
        #expect(value.objectValue?.keys.last == "submitted_at")
    }

    @Test func pothole_RecordsWhereEachFieldWasWritten() throws {
        let document = try JSONParser(recordLocations: true).parse(Self.pothole)
        #expect(document.keyLocations[.root / "service_code"]?.description == "9:3")
        #expect(document.valueLocations[.root / "service_code"]?.description == "9:19")
        #expect(document.valueLocations[.root / "location" / "address_lines" / 1]?.description == "16:51")
        #expect(document.valueLocations[.root / "photos" / 1 / "url"]?.description == "41:14")
    }

    @Test func pothole_SurvivesARoundTrip() throws {
        let value = try JSONValue(parsing: Self.pothole)
        let compact = JSONWriter().bytes(value)
        let pretty = JSONWriter(prettyPrinted: true).string(value)
        #expect(try JSONValue(parsing: compact) == value)
        #expect(try JSONValue(parsing: pretty) == value)
        // The fixture is itself written with two-space indents, except for the one inline array.
        #expect(pretty.contains("\"address_lines\": [\n      \"Outside 41 Cobbler's Row\",\n      \"Kestrel Vale\"\n    ]"))
    }

    @Test func truncatedBody_IsMalformedJSONWithTheByteOffset() throws {
        let error = try #require(JSONParser().failure(Self.truncated))
        #expect(error.kind == .unexpectedEnd)
        #expect(error.message == "malformed JSON: unexpected end of input at byte 301 (the string started at 7:18 is not closed)")
        #expect(error.location.offset == 301)
        #expect(error.location.description == "7:80")
    }

    @Test func duplicateServiceCode_IsRejectedNamingTheKey() throws {
        let error = try #require(JSONParser().failure(Self.duplicateKeys))
        #expect(error.kind == .duplicateKey)
        #expect(error.description == #"10:3: duplicate key "service_code" (first written at 5:3)"#)
    }

    @Test func utf16Body_IsNotValidUTF8() throws {
        let error = try #require(JSONParser().failure(Self.utf16Body))
        #expect(error.kind == .invalidUTF8)
        #expect(error.message == "body is not valid UTF-8 at byte 0: it starts with a UTF-16LE byte order mark (FF FE)")
    }
}
