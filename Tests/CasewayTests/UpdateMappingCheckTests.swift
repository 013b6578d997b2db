import CasewayMapping
import CasewayStore
import Foundation
import Testing

@testable import Caseway

/// XML updates read through a client's update mapping (the sample `open311-update`): the mapped body is
/// checked exactly as a JSON body is, and each way an XML body can fail gets its own refusal.
struct UpdateMappingCheckTests {
    static func mapping() throws -> Mapping {
        let file = SampleMappingsGoldenTests.mappingsDirectory.appendingPathComponent("open311-update.json5")
        return try Mapping(contentsOf: file, displayPath: "Mappings/open311-update.json5")
    }

    static func requestUpdate(status: String = "investigating", updatedAt: String = "2026-10-15T11:20:04+01:00") -> [UInt8] {
        Array("""
            <?xml version="1.0" encoding="utf-8"?>
            <request_update>
              <update_id>CWY-UPD-0000913</update_id>
              <status>\(status)</status>
              <updated_datetime>\(updatedAt)</updated_datetime>
              <description>An inspector will visit this site.</description>
              <external_status_code>INSP</external_status_code>
            </request_update>
            """.utf8)
    }

    func refusal(_ body: [UInt8], contentType: String = "application/xml", mapping: Mapping?) -> UpdateIntakeError? {
        do {
            _ = try UpdateCheck().check(contentType: contentType, body: body, mapping: mapping)
            return nil
        } catch {
            return error
        }
    }

    @Test func xmlThroughTheMapping_GivesTheSameFieldsAsJSON() throws {
        let checked = try UpdateCheck().check(contentType: "application/xml; charset=utf-8", body: Self.requestUpdate(), mapping: try Self.mapping())
        let json = try UpdateCheck().check(
            contentType: "application/json",
            body: Array(#"{"update_id":"CWY-UPD-0000913","status":"investigating","updated_at":"2026-10-15T11:20:04+01:00","description":"An inspector will visit this site.","external_status_code":"INSP"}"#.utf8))
        #expect(checked == json)
        #expect(checked.fingerprint == json.fingerprint, "a repeat is recognised by its mapped fields")
    }

    @Test func theirStatusWord_IsTranslatedByTheTable() throws {
        let checked = try UpdateCheck().check(
            contentType: "text/xml", body: Self.requestUpdate(status: "NOT_COUNCILS_RESPONSIBILITY"), mapping: try Self.mapping())
        #expect(checked.status == .notResponsible)
    }

    @Test func xmlFromAClientWithoutAMapping_Is415SayingWhatToDo() {
        guard case .unsupportedMediaType(let detail) = refusal(Self.requestUpdate(), mapping: nil) else {
            Issue.record("not refused for its media type")
            return
        }
        #expect(detail.contains("update_mapping"))
        #expect(detail.contains("application/json"))
    }

    @Test func malformedXMLAndDTDs_AreMalformedBodies() throws {
        let mapping = try Self.mapping()
        guard case .malformed(let detail) = refusal(Array("<request_update><status>open</request_update>".utf8), mapping: mapping) else {
            Issue.record("not refused as malformed")
            return
        }
        #expect(detail.contains("malformed XML"))
        let entity = Array(#"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><request_update>&x;</request_update>"#.utf8)
        guard case .malformed(let dtd) = refusal(entity, mapping: mapping) else {
            Issue.record("a DTD was not refused")
            return
        }
        #expect(dtd.contains("DTD"))
    }

    @Test func statusNoTableKnows_Is422NamingTheXMLField() throws {
        guard case .unmappable(let name, let errors) = refusal(Self.requestUpdate(status: "resolved"), mapping: try Self.mapping()) else {
            Issue.record("not refused as unmappable")
            return
        }
        #expect(name == "open311-update")
        #expect(errors == [FieldError(
            field: "//request_update/status",
            message: #"status: "resolved" is not in table "statuses" and the table has no default"#)])
    }

    @Test func mappedFieldsBreakingAnUpdateRule_AreRefusedAsForJSON() throws {
        guard case .invalid(let errors) = refusal(Self.requestUpdate(updatedAt: "2026-10-15T11:20:04"), mapping: try Self.mapping()) else {
            Issue.record("not refused for its fields")
            return
        }
        #expect(errors.map(\.field) == ["/updated_at"])
        #expect(errors.first?.message.contains("no offset") == true)
    }

    @Test func otherMediaTypes_AreStill415() throws {
        guard case .unsupportedMediaType = refusal(Self.requestUpdate(), contentType: "text/plain", mapping: try Self.mapping()) else {
            Issue.record("text/plain was not refused")
            return
        }
    }
}
