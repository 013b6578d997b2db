import CasewayTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `caseway serve` with a front office's callback: an `http` connector with `cases: false` that takes the
/// updates on the cases `webforms` submitted. A back office's update travels back to it, with retries.
@Suite(.serialized)
struct UpdateCallbackEndToEndTests {
    /// A hub whose cases go to a `drop` folder and whose updates on webforms' cases go to `callbackURL`.
    static func hub(callbackURL: String) throws -> HubProcess {
        let hub = try HubProcess()
        try Data("""
            { name: "front-office-callback", kind: "http", url: "\(callbackURL)",
              cases: false, updates: { for_clients: ["webforms"] },
              timeouts: { connect: "1s", total: "2s" },
              retry: { initial_delay: "50ms", max_delay: "200ms", jitter: 0 } }
            """.utf8).write(to: hub.folder.appendingPathComponent("Connectors/front-office-callback.json5"))
        try Data("""
            { name: "drop", kind: "file", directory: "drop", create_directory: true }
            """.utf8).write(to: hub.folder.appendingPathComponent("Connectors/drop.json5"))
        return hub
    }

    /// The case's deliveries as the case view shows them.
    static func deliveries(_ hub: HubProcess, _ caseID: String) async throws -> [[String: Any]] {
        let view = try await hub.request("GET", "/v1/cases/\(caseID)", key: HubProcess.operatorKey)
        return view.body.jsonObject?["deliveries"] as? [[String: Any]] ?? []
    }

    @Test func backOfficeUpdate_ReachesTheFrontOfficeCallback() async throws {
        // The callback is down once: the update is retried like any delivery.
        let partner = ScriptedPartner.failing(first: 1, with: .status(503), then: .status(204))
        _ = try partner.start()
        let hub = try Self.hub(callbackURL: partner.url(path: "/caseway/updates"))
        try await hub.start()

        let submitted = try await hub.request("POST", "/v1/cases", body: CaseAPITests.pothole)
        try #require(submitted.status == 202)
        let caseID = try #require(submitted.body.jsonObject?["id"] as? String)
        let routed = submitted.body.jsonObject?["deliveries"] as? [[String: Any]] ?? []
        #expect(routed.map { $0["connector"] as? String } == ["drop"], "cases: false keeps the case away from the callback")

        let posted = try await hub.request(
            "POST", target: "/v1/cases/\(caseID)/updates",
            json: ["update_id": "HW-77", "status": "fixed", "external_status_code": "DONE", "description": "Pothole filled",
                   "updated_at": "2026-11-23T10:15:00+01:00", "reference": "HW/2026/004211"])
        try #require(posted.status == 202)
        let updateID = try #require(posted.body.jsonObject?["id"] as? String)

        #expect(await partner.waitForRequests(2, timeout: .seconds(10)))
        let request = try #require(partner.requests.last)
        #expect(request.method == "POST")
        #expect(request.path == "/caseway/updates")
        #expect(request.header("Content-Type")?.hasPrefix("application/json") == true)
        let sent = try #require((try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any])
        #expect(sent["case_id"] as? String == caseID)
        #expect(sent["sender_reference"] as? String == "WF-26-118342")
        let update = try #require(sent["update"] as? [String: Any])
        #expect(update["id"] as? String == updateID)
        #expect(update["update_id"] as? String == "HW-77")
        #expect(update["status"] as? String == "fixed")
        #expect(update["external_status_code"] as? String == "DONE")
        #expect(update["reference"] as? String == "HW/2026/004211")
        #expect(update["client"] as? String == "operator")
        // Both tries carried the same key: the callback delivery's id.
        let keys = Set(partner.requests.compactMap { $0.header("Idempotency-Key") })
        #expect(keys.count == 1)

        // The case view shows the callback delivery, carrying the update, delivered.
        var callback: [String: Any]?
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            callback = try await Self.deliveries(hub, caseID).first { $0["connector"] as? String == "front-office-callback" }
            if callback?["state"] as? String == "delivered" { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(callback?["state"] as? String == "delivered")
        #expect(callback?["update_id"] as? String == updateID)
        #expect(keys == [callback?["id"] as? String ?? ""])
        #expect(partner.requests.count == 2, "one failed try and one delivered; the case itself never went there")

        // A repeat of the same update is answered 200 and sends nothing more.
        let repeated = try await hub.request(
            "POST", target: "/v1/cases/\(caseID)/updates",
            json: ["update_id": "HW-77", "status": "fixed", "external_status_code": "DONE", "description": "Pothole filled",
                   "updated_at": "2026-11-23T10:15:00+01:00", "reference": "HW/2026/004211"])
        #expect(repeated.status == 200)
        try await Task.sleep(for: .milliseconds(300))
        #expect(partner.requests.count == 2)
        let callbacks = try await Self.deliveries(hub, caseID).filter { $0["connector"] as? String == "front-office-callback" }
        #expect(callbacks.count == 1)

        try await hub.stop()
        await partner.stop()
    }

    /// A receive from queue `queue` by port only, so it can run beside the test's own requests; the raw
    /// answer, which (unlike parsed JSON) can cross from a task.
    static func receive(port: Int, queue: String, key: String, wait: Int) async throws -> Data {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/v1/queues/\(queue)/messages?wait=\(wait)"))
        var request = URLRequest(url: url)
        request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        try #require((response as? HTTPURLResponse)?.statusCode == 200)
        return data
    }

    @Test func queueReject_TravelsBackToTheFrontOfficesQueue() async throws {
        let hub = try HubProcess(pollerQueues: ["planning"])
        try Data("""
            { name: "planning", kind: "queue", when: { field: "$.service_code", prefix: "PL_" } }
            """.utf8).write(to: hub.folder.appendingPathComponent("Connectors/planning.json5"))
        try Data("""
            { name: "webforms-updates", kind: "queue", cases: false, updates: { for_clients: ["webforms"] } }
            """.utf8).write(to: hub.folder.appendingPathComponent("Connectors/webforms-updates.json5"))
        try await hub.start()
        let body = Data(#"{"service_code":"PL_TREE","description":"tree","source":{"reference":"FO-9"}}"#.utf8)
        let submitted = try await hub.request("POST", "/v1/cases", body: body)
        try #require(submitted.status == 202)
        let caseID = try #require(submitted.body.jsonObject?["id"] as? String)

        // The front office is already long-polling its queue when the back office rejects: it must wake.
        let port = hub.port
        let polling = Task { try await Self.receive(port: port, queue: "webforms-updates", key: HubProcess.operatorKey, wait: 10) }
        try await Task.sleep(for: .milliseconds(200))
        let received = try await hub.request("GET", target: "/v1/queues/planning/messages", key: HubProcess.pollerKey)
        let receipt = try #require((received.body.jsonObject?["messages"] as? [[String: Any]])?.first?["receipt"] as? String)
        let started = ContinuousClock.now
        let rejected = try await hub.request(
            "POST", target: "/v1/queues/planning/messages/\(receipt)/reject", key: HubProcess.pollerKey,
            json: ["code": "NOT_OURS", "reason": "a highways matter"])
        try #require(rejected.status == 204)

        let messages = try #require(try await polling.value.jsonObject?["messages"] as? [[String: Any]])
        #expect(ContinuousClock.now - started < .seconds(5), "the long poll was woken, not timed out")
        try #require(messages.count == 1)
        #expect(messages[0]["case_id"] as? String == caseID)
        #expect(messages[0]["content_type"] as? String == "application/json")
        let sent = try #require((messages[0]["body"] as? String).flatMap { Data($0.utf8).jsonObject })
        #expect(sent["case_id"] as? String == caseID)
        #expect(sent["sender_reference"] as? String == "FO-9")
        let update = try #require(sent["update"] as? [String: Any])
        #expect(update["status"] as? String == "rejected")
        #expect(update["external_status_code"] as? String == "NOT_OURS")
        #expect(update["description"] as? String == "a highways matter")
        #expect(update["client"] as? String == "highways")
        _ = try await hub.stop()
    }
}
