import Foundation
import Testing

/// A back office that speaks XML posts Open311 `<request_update>`s, read through its client's update mapping
/// (the sample `Mappings/open311-update.json5`), against the real binary. In `UpdateAPITests`, so that its
/// hubs start one after another with the suite's.
extension UpdateAPITests {
    /// A hub with the sample mapping and a client `highways-bo` whose updates it reads.
    static func xmlHub() throws -> HubProcess {
        let hub = try HubProcess(extraClients: """
            { name: "highways-bo", scopes: ["update"], key: { env: "E2E_BACK_OFFICE_KEY" }, update_mapping: "open311-update" },
            """)
        let sample = ChildProcess.repositoryRoot.appendingPathComponent("Mappings/open311-update.json5")
        try FileManager.default.copyItem(at: sample, to: hub.folder.appendingPathComponent("Mappings/open311-update.json5"))
        return hub
    }

    static func requestUpdate(_ id: String, status: String = "investigating") -> Data {
        Data("""
            <?xml version="1.0" encoding="utf-8"?>
            <request_update>
              <update_id>\(id)</update_id>
              <status>\(status)</status>
              <updated_datetime>2026-10-15T11:20:04+01:00</updated_datetime>
              <description>An inspector will visit this site.</description>
              <external_status_code>INSP</external_status_code>
            </request_update>
            """.utf8)
    }

    static func postXML(_ hub: HubProcess, _ caseID: String, _ body: Data, key: String = HubProcess.backOfficeKey)
        async throws -> (status: Int, headers: [String: String], body: Data)
    {
        try await hub.request("POST", "/v1/cases/\(caseID)/updates", key: key, body: body, contentType: "application/xml")
    }

    @Test func xmlUpdate_IsAcceptedAndShownInTheTimelineAndTheFeed() async throws {
        let hub = try Self.xmlHub()
        try await hub.start()
        let caseID = try await Self.submitCase(hub)

        let posted = try await Self.postXML(hub, caseID, Self.requestUpdate("CWY-UPD-0000913", status: "INVESTIGATING"))
        #expect(posted.status == 202, "\(String(decoding: posted.body, as: UTF8.self))")
        let update = try #require(posted.body.jsonObject)
        #expect(update["client"] as? String == "highways-bo")
        #expect(update["update_id"] as? String == "CWY-UPD-0000913")
        #expect(update["status"] as? String == "investigating", "their word, lower-cased and looked up")
        #expect(update["external_status_code"] as? String == "INSP")
        #expect(update["updated_at"] as? String == "2026-10-15T11:20:04+01:00")

        // The same XML again is the same update.
        let repeated = try await Self.postXML(hub, caseID, Self.requestUpdate("CWY-UPD-0000913", status: "INVESTIGATING"))
        #expect(repeated.status == 200)
        #expect(repeated.body.jsonObject?["id"] as? String == update["id"] as? String)

        let view = try await hub.request("GET", "/v1/cases/\(caseID)", key: HubProcess.operatorKey)
        let timeline = view.body.jsonObject?["timeline"] as? [[String: Any]] ?? []
        let entry = try #require(timeline.first { $0["kind"] as? String == "update" })
        #expect(entry["client"] as? String == "highways-bo")
        #expect(entry["status"] as? String == "investigating")

        let feed = try await hub.request("GET", target: "/v1/updates")
        let updates = feed.body.jsonObject?["updates"] as? [[String: Any]] ?? []
        #expect(updates.map { $0["update_id"] as? String } == ["CWY-UPD-0000913"])
        try await hub.stop()
    }

    @Test func badXML_UnknownStatus_AndClientsWithoutAMapping_GetTheRight4xx() async throws {
        let hub = try Self.xmlHub()
        try await hub.start()
        let caseID = try await Self.submitCase(hub)

        let malformed = try await Self.postXML(hub, caseID, Data("<request_update><status>open</request_update>".utf8))
        #expect(malformed.status == 400)
        #expect((malformed.body.jsonObject?["detail"] as? String)?.contains("malformed XML") == true)

        let entity = Data(#"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><request_update>&x;</request_update>"#.utf8)
        let dtd = try await Self.postXML(hub, caseID, entity)
        #expect(dtd.status == 400)

        let unknown = try await Self.postXML(hub, caseID, Self.requestUpdate("CWY-UPD-2", status: "resolved"))
        #expect(unknown.status == 422)
        #expect(unknown.headers["content-type"] == "application/problem+json")
        let errors = unknown.body.jsonObject?["errors"] as? [[String: Any]] ?? []
        #expect(errors.map { $0["field"] as? String } == ["//request_update/status"])
        #expect((errors.first?["message"] as? String)?.contains("\"resolved\"") == true)

        // The operator has no update_mapping: its XML is refused, saying what to do.
        let unmapped = try await Self.postXML(hub, caseID, Self.requestUpdate("CWY-UPD-3"), key: HubProcess.operatorKey)
        #expect(unmapped.status == 415)
        #expect((unmapped.body.jsonObject?["detail"] as? String)?.contains("update_mapping") == true)

        // JSON from the XML client still works as for anyone.
        let json = try await hub.request(
            "POST", target: "/v1/cases/\(caseID)/updates", key: HubProcess.backOfficeKey, json: Self.update("HW-9"))
        #expect(json.status == 202)

        let feed = try await hub.request("GET", target: "/v1/updates")
        #expect((feed.body.jsonObject?["updates"] as? [[String: Any]])?.count == 1, "nothing refused was stored")
        try await hub.stop()
    }
}
