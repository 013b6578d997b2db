import Foundation
import Testing

/// Status updates and the update feed as back offices and front offices use them, against the real binary.
@Suite(.serialized)
struct UpdateAPITests {
    static func update(_ id: String, status: String = "investigating", updatedAt: String = "2026-11-23T10:15:00+01:00",
                       reference: String? = "HW/2026/004211") -> [String: Any]
    {
        var fields: [String: Any] = [
            "update_id": id, "status": status, "updated_at": updatedAt, "external_status_code": "INSP",
            "description": "An inspector will visit",
        ]
        if let reference { fields["reference"] = reference }
        return fields
    }

    /// Submits the sample case as the front office and returns its id.
    static func submitCase(_ hub: HubProcess) async throws -> String {
        let submitted = try await hub.request("POST", "/v1/cases", body: CaseAPITests.pothole)
        #expect(submitted.status == 202)
        return try #require(submitted.body.jsonObject?["id"] as? String)
    }

    @Test func postRepeatConflict_AnswerAsDocumented() async throws {
        let hub = try HubProcess()
        try await hub.start()
        let caseID = try await Self.submitCase(hub)

        let posted = try await hub.request("POST", target: "/v1/cases/\(caseID)/updates", json: Self.update("HW-1"))
        #expect(posted.status == 202)
        #expect(posted.headers["location"] == "/v1/cases/\(caseID)")
        let body = try #require(posted.body.jsonObject)
        #expect(body["case_id"] as? String == caseID)
        #expect(body["seq"] as? Int == 1)
        #expect(body["status"] as? String == "investigating")
        #expect(body["update_id"] as? String == "HW-1")
        #expect(body["client"] as? String == "operator")
        let id = try #require(body["id"] as? String)

        let repeated = try await hub.request("POST", target: "/v1/cases/\(caseID)/updates", json: Self.update("HW-1"))
        #expect(repeated.status == 200)
        #expect(repeated.body.jsonObject?["id"] as? String == id)

        let conflict = try await hub.request(
            "POST", target: "/v1/cases/\(caseID)/updates", json: Self.update("HW-1", status: "fixed"))
        #expect(conflict.status == 409)
        #expect(conflict.headers["content-type"] == "application/problem+json")
        #expect(String(decoding: conflict.body, as: UTF8.self).contains(id))

        let unknownStatus = try await hub.request(
            "POST", target: "/v1/cases/\(caseID)/updates", json: Self.update("HW-2", status: "resolved"))
        #expect(unknownStatus.status == 422)
        let detail = unknownStatus.body.jsonObject?["detail"] as? String ?? ""
        #expect(detail.contains("action_scheduled") && detail.contains("no_further_action"))
        let errors = unknownStatus.body.jsonObject?["errors"] as? [[String: Any]]
        #expect(errors?.first?["field"] as? String == "/status")

        var unknownField = Self.update("HW-3")
        unknownField["priority"] = "high"
        let invalid = try await hub.request("POST", target: "/v1/cases/\(caseID)/updates", json: unknownField)
        #expect(invalid.status == 400)
        #expect((invalid.body.jsonObject?["errors"] as? [[String: Any]])?.first?["field"] as? String == "/priority")

        let malformed = try await hub.request(
            "POST", "/v1/cases/\(caseID)/updates", key: HubProcess.operatorKey, body: Data(#"{"update_id":"#.utf8))
        #expect(malformed.status == 400)
        #expect((malformed.body.jsonObject?["detail"] as? String)?.contains("line 1") == true)

        let xml = try await hub.request(
            "POST", "/v1/cases/\(caseID)/updates", key: HubProcess.operatorKey, body: Data("<update/>".utf8),
            contentType: "application/xml")
        #expect(xml.status == 415)

        let missing = try await hub.request(
            "POST", target: "/v1/cases/0190f2c4-0000-7000-8000-000000000000/updates", json: Self.update("HW-4"))
        #expect(missing.status == 404)
        let notAnID = try await hub.request("POST", target: "/v1/cases/nope/updates", json: Self.update("HW-5"))
        #expect(notAnID.status == 404)

        // Only `update` may post: the front office that submitted the case may not, nor a poller.
        for key in [HubProcess.submitterKey, HubProcess.pollerKey] {
            let refused = try await hub.request("POST", target: "/v1/cases/\(caseID)/updates", key: key, json: Self.update("HW-6"))
            #expect(refused.status == 403)
        }
        let anonymous = try await hub.request("POST", target: "/v1/cases/\(caseID)/updates", key: nil, json: Self.update("HW-7"))
        #expect(anonymous.status == 401)
        try await hub.stop()
    }

    @Test func caseView_ShowsUpdatesTimelineAndReferences() async throws {
        let hub = try HubProcess()
        try await hub.start()
        let caseID = try await Self.submitCase(hub)
        _ = try await hub.request(
            "POST", target: "/v1/cases/\(caseID)/updates",
            json: Self.update("HW-1", status: "fixed", updatedAt: "2026-11-24T09:00:00Z"))
        _ = try await hub.request(
            "POST", target: "/v1/cases/\(caseID)/updates",
            json: Self.update("HW-2", status: "in_progress", updatedAt: "2026-11-24T10:30:00+02:00", reference: nil))

        let read = try await hub.request("GET", "/v1/cases/\(caseID)")
        #expect(read.status == 200)
        let view = try #require(read.body.jsonObject)
        #expect(view["sender_reference"] as? String == "WF-26-118342", "the existing fields stay")
        let updates = try #require(view["updates"] as? [[String: Any]])
        #expect(updates.map { $0["status"] as? String } == ["in_progress", "fixed"], "by the sender's time")
        #expect(updates.first?["updated_at"] as? String == "2026-11-24T10:30:00+02:00")
        let timeline = try #require(view["timeline"] as? [[String: Any]])
        #expect(timeline.map { $0["kind"] as? String } == ["received", "delivery", "update", "update"])
        #expect(timeline.last?["status"] as? String == "in_progress", "the timeline follows arrival")
        #expect(timeline[1]["state"] as? String == "dead", "this hub has no connectors: a no_route dead letter")
        let references = try #require(view["references"] as? [[String: Any]])
        #expect(references.map { $0["kind"] as? String } == ["sender", "client"])
        #expect(references.last?["name"] as? String == "operator")
        #expect(references.last?["reference"] as? String == "HW/2026/004211")
        try await hub.stop()
    }

    @Test func feed_PagesAcrossInsertsWithoutGapsOrDuplicates() async throws {
        let hub = try HubProcess()
        try await hub.start()
        let caseID = try await Self.submitCase(hub)
        var sent: [String] = []
        var seen: [String] = []
        var cursor: String?
        for round in 0..<4 {
            for index in 0..<3 {
                let id = "HW-\(round)-\(index)"
                let posted = try await hub.request("POST", target: "/v1/cases/\(caseID)/updates", json: Self.update(id))
                #expect(posted.status == 202)
                sent.append(id)
            }
            let target = "/v1/updates?limit=2" + (cursor.map { "&since=\($0)" } ?? "")
            let page = try await hub.request("GET", target: target)
            #expect(page.status == 200)
            let updates = try #require(page.body.jsonObject?["updates"] as? [[String: Any]])
            seen += updates.compactMap { $0["update_id"] as? String }
            cursor = try #require(page.body.jsonObject?["next_cursor"] as? String)
        }
        for _ in 0..<20 {
            let page = try await hub.request("GET", target: "/v1/updates?limit=5&since=\(try #require(cursor))")
            let updates = try #require(page.body.jsonObject?["updates"] as? [[String: Any]])
            if updates.isEmpty {
                #expect(page.body.jsonObject?["next_cursor"] as? String == cursor, "an empty page keeps the position")
                break
            }
            seen += updates.compactMap { $0["update_id"] as? String }
            cursor = page.body.jsonObject?["next_cursor"] as? String
        }
        #expect(seen == sent)

        let badCursor = try await hub.request("GET", target: "/v1/updates?since=garbage")
        #expect(badCursor.status == 400)
        #expect((badCursor.body.jsonObject?["errors"] as? [[String: Any]])?.first?["field"] as? String == "since")
        let badLimit = try await hub.request("GET", target: "/v1/updates?limit=501")
        #expect(badLimit.status == 400)

        // A poller with `receive` sees the updates on the cases it submitted: this one submitted none.
        let poller = try await hub.request("GET", target: "/v1/updates", key: HubProcess.pollerKey)
        #expect(poller.status == 200)
        #expect((poller.body.jsonObject?["updates"] as? [Any])?.isEmpty == true)
        let submitter = try await hub.request("GET", target: "/v1/updates", key: HubProcess.submitterKey)
        #expect(submitter.status == 403)
        try await hub.stop()
    }
}
