import Foundation
import Testing

/// `/v1/dead-letters` as an operator's tooling uses it, against the real binary.
@Suite(.serialized)
struct DeadLetterAPITests {
    private func deadLetters(_ body: Data) -> [[String: Any]] {
        body.jsonObject?["dead_letters"] as? [[String: Any]] ?? []
    }

    @Test func listShowReplayDiscard_andTheCaseShowsTheReplay() async throws {
        let hub = try HubProcess()
        let made = try await DeadLetterSeed.deadLetters(in: hub.dataDirectory, connectors: ["highways", "waste", "highways"])
        try await hub.start()

        let all = try await hub.request("GET", target: "/v1/dead-letters")
        #expect(all.status == 200)
        #expect(deadLetters(all.body).compactMap { $0["id"] as? String } == made.map(\.id))
        #expect(all.body.jsonObject?["next_cursor"] is NSNull)
        let first = try #require(deadLetters(all.body).first)
        #expect(first["connector"] as? String == "highways")
        #expect(first["dead_reason"] as? String == "permanent_error")
        #expect(first["attempt_count"] as? Int == 2)
        #expect(first["last_error"] as? String == "HTTP 400: unknown street")

        let highways = try await hub.request("GET", target: "/v1/dead-letters?connector=highways&reason=permanent_error")
        #expect(deadLetters(highways.body).compactMap { $0["id"] as? String } == [made[0].id, made[2].id])
        let byCase = try await hub.request("GET", target: "/v1/dead-letters?case_id=\(made[1].caseID)")
        #expect(deadLetters(byCase.body).compactMap { $0["id"] as? String } == [made[1].id])

        // Paging: two pages of two and one, linked by next_cursor.
        let page1 = try await hub.request("GET", target: "/v1/dead-letters?limit=2")
        #expect(deadLetters(page1.body).count == 2)
        let cursor = try #require(page1.body.jsonObject?["next_cursor"] as? String)
        let escaped = try #require(cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let page2 = try await hub.request("GET", target: "/v1/dead-letters?limit=2&cursor=\(escaped)")
        #expect(deadLetters(page2.body).compactMap { $0["id"] as? String } == [made[2].id])
        #expect(page2.body.jsonObject?["next_cursor"] is NSNull)

        let shown = try await hub.request("GET", target: "/v1/dead-letters/\(made[0].id)")
        #expect(shown.status == 200)
        let detail = try #require(shown.body.jsonObject)
        let attempts = try #require(detail["attempts"] as? [[String: Any]])
        #expect(attempts.compactMap { $0["http_status"] as? Int } == [503, 400])
        #expect(attempts.compactMap { $0["outcome"] as? String } == ["retry", "dead"])
        let caseObject = try #require(detail["case"] as? [String: Any])
        #expect(caseObject["sender_reference"] as? String == "WF-1")
        #expect((caseObject["body"] as? [String: Any])?["content"] as? String == #"{"service_code":"HW_POT","description":"Pothole"}"#)
        let payload = try #require(detail["payload"] as? [String: Any])
        #expect(payload["encoding"] as? String == "utf-8")
        #expect(payload["content"] as? String == "<Report><Ref>WF-1</Ref></Report>")
        #expect(payload["content_type"] as? String == "application/xml")

        let replayed = try await hub.request("POST", target: "/v1/dead-letters/\(made[0].id)/replay")
        #expect(replayed.status == 202)
        let newDelivery = try #require((replayed.body.jsonObject?["deliveries"] as? [[String: Any]])?.first)
        let newID = try #require(newDelivery["id"] as? String)
        #expect(newDelivery["replay_of"] as? String == made[0].id)
        #expect(newDelivery["state"] as? String == "pending")
        #expect(try await hub.request("POST", target: "/v1/dead-letters/\(made[0].id)/replay").status == 404, "replayed once")
        #expect(try await hub.request("GET", target: "/v1/dead-letters/\(made[0].id)").status == 404, "no longer open")

        let caseView = try await hub.request("GET", target: "/v1/cases/\(made[0].caseID)")
        #expect(caseView.status == 200)
        let deliveries = try #require(caseView.body.jsonObject?["deliveries"] as? [[String: Any]])
        #expect(deliveries.count == 2)
        let old = try #require(deliveries.first { $0["id"] as? String == made[0].id })
        #expect(old["state"] as? String == "dead")
        #expect(old["dead_reason"] as? String == "permanent_error")
        #expect(old["resolution"] as? String == "replayed")
        #expect((old["attempts"] as? [[String: Any]])?.count == 2)
        #expect((old["attempts"] as? [[String: Any]])?.last?["error"] as? String == "unknown street")
        let replay = try #require(deliveries.first { $0["id"] as? String == newID })
        #expect(replay["replay_of"] as? String == made[0].id)
        #expect(replay["state"] as? String == "pending")
        #expect(replay["due_at"] is String)
        #expect(replay["attempt_count"] as? Int == 0)

        let discarded = try await hub.request("DELETE", target: "/v1/dead-letters/\(made[1].id)")
        #expect(discarded.status == 204)
        #expect(try await hub.request("DELETE", target: "/v1/dead-letters/\(made[1].id)").status == 404)
        let left = try await hub.request("GET", target: "/v1/dead-letters")
        #expect(deadLetters(left.body).compactMap { $0["id"] as? String } == [made[2].id])
        try await hub.stop()
    }

    @Test func bulkReplay_byIdsAndByConnector_reportsEachOne() async throws {
        let hub = try HubProcess()
        let made = try await DeadLetterSeed.deadLetters(in: hub.dataDirectory, connectors: ["highways", "highways", "waste"])
        let stray = try await DeadLetterSeed.noRoute(in: hub.dataDirectory)
        try await hub.start()
        let unknown = "01900000-0000-7000-8000-000000000000"

        let byIDs = try await hub.request("POST", target: "/v1/dead-letters/replay", json: ["ids": [made[2].id, unknown, stray.id]])
        #expect(byIDs.status == 202)
        let replayed = try #require(byIDs.body.jsonObject?["replayed"] as? [[String: Any]])
        #expect(replayed.compactMap { $0["dead_letter"] as? String } == [made[2].id])
        let failed = try #require(byIDs.body.jsonObject?["failed"] as? [[String: Any]])
        #expect(failed.compactMap { $0["id"] as? String } == [unknown, stray.id])
        #expect((failed.last?["reason"] as? String)?.hasPrefix("no connector takes this case yet") == true)

        let byConnector = try await hub.request("POST", target: "/v1/dead-letters/replay", json: ["connector": "highways"])
        #expect(byConnector.status == 202)
        let connectorReplays = try #require(byConnector.body.jsonObject?["replayed"] as? [[String: Any]])
        #expect(connectorReplays.compactMap { $0["dead_letter"] as? String } == [made[0].id, made[1].id])

        let noRoute = try await hub.request("POST", target: "/v1/dead-letters/\(stray.id)/replay")
        #expect(noRoute.status == 409)
        #expect((noRoute.body.jsonObject?["detail"] as? String)?.contains("add or change a connector's `when`") == true)
        let left = try await hub.request("GET", target: "/v1/dead-letters?reason=no_route")
        #expect(deadLetters(left.body).compactMap { $0["connector"] as? String } == ["(none)"])
        try await hub.stop()
    }

    @Test func refusals_403_404_400_nameWhatIsWrong() async throws {
        let hub = try HubProcess()
        let made = try await DeadLetterSeed.deadLetters(in: hub.dataDirectory, connectors: ["highways"])
        try await hub.start()
        for (method, target) in [("GET", "/v1/dead-letters"), ("GET", "/v1/dead-letters/\(made[0].id)"),
                                 ("POST", "/v1/dead-letters/\(made[0].id)/replay"), ("DELETE", "/v1/dead-letters/\(made[0].id)")] {
            let refused = try await hub.request(method, target: target, key: HubProcess.submitterKey)
            #expect(refused.status == 403, "\(method) \(target)")
            #expect(refused.headers["content-type"] == "application/problem+json")
            #expect(try await hub.request(method, target: target, key: nil).status == 401)
        }
        #expect(try await hub.request("POST", target: "/v1/dead-letters/replay", key: HubProcess.pollerKey,
                                      json: ["connector": "highways"]).status == 403)

        #expect(try await hub.request("GET", target: "/v1/dead-letters/not-an-id").status == 404)
        #expect(try await hub.request("GET", target: "/v1/dead-letters/01900000-0000-7000-8000-000000000000").status == 404)
        #expect(try await hub.request("DELETE", target: "/v1/dead-letters/01900000-0000-7000-8000-000000000000").status == 404)

        for (query, field) in [("limit=0", "limit"), ("limit=501", "limit"), ("limit=ten", "limit"), ("reason=gone", "reason"),
                               ("case_id=abc", "case_id"), ("cursor=xyz", "cursor"), ("conector=highways", "conector")] {
            let bad = try await hub.request("GET", target: "/v1/dead-letters?\(query)")
            #expect(bad.status == 400, "\(query)")
            #expect(bad.headers["content-type"] == "application/problem+json")
            let errors = bad.body.jsonObject?["errors"] as? [[String: Any]]
            #expect(errors?.compactMap { $0["field"] as? String } == [field], "\(query)")
        }
        let both = try await hub.request("POST", target: "/v1/dead-letters/replay", json: ["connector": "highways", "ids": [made[0].id]])
        #expect(both.status == 400)
        let badID = try await hub.request("POST", target: "/v1/dead-letters/replay", json: ["ids": [made[0].id, "nope"]])
        #expect(badID.status == 400)
        #expect((badID.body.jsonObject?["errors"] as? [[String: Any]])?.first?["field"] as? String == "ids[1]")
        #expect(try await hub.request("GET", target: "/v1/dead-letters").status == 200, "nothing was replayed by the bad requests")
        let stillOpen = try await hub.request("GET", target: "/v1/dead-letters")
        #expect(deadLetters(stillOpen.body).count == 1)
        try await hub.stop()
    }
}
