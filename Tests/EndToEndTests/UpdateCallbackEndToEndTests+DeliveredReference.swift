import CasewayTestSupport
import Foundation
import Testing

/// `caseway serve` with an `http` back office that answers with its own reference: the reference becomes an
/// update on the case, delivered onward to the front office's callback, and never back to the back office.
extension UpdateCallbackEndToEndTests {
    @Test func referenceFromAnHTTPDelivery_BecomesAnUpdateForTheFrontOffice() async throws {
        let county = ScriptedPartner(then: .json(#"{"reference":"HW/26/0042"}"#, status: 201))
        _ = try county.start()
        let callback = ScriptedPartner(then: .status(204))
        _ = try callback.start()
        let hub = try HubProcess()
        // The county also takes updates on webforms' cases (a partner hub): its own answer must not come back.
        try Data("""
            { name: "county", kind: "http", url: "\(county.url(path: "/enquiries"))",
              when: { field: "$.service_code", prefix: "HW_" }, updates: { for_clients: ["webforms"] },
              reference: { json: "$.reference" }, timeouts: { connect: "1s", total: "2s" } }
            """.utf8).write(to: hub.folder.appendingPathComponent("Connectors/county.json5"))
        try Data("""
            { name: "front-office-callback", kind: "http", url: "\(callback.url(path: "/caseway/updates"))",
              cases: false, updates: { for_clients: ["webforms"] }, timeouts: { connect: "1s", total: "2s" } }
            """.utf8).write(to: hub.folder.appendingPathComponent("Connectors/front-office-callback.json5"))
        try await hub.start()

        let caseID = try await UpdateAPITests.submitCase(hub)
        #expect(await callback.waitForRequests(1, timeout: .seconds(10)))
        let request = try #require(callback.requests.first)
        let sent = try #require((try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any])
        #expect(sent["case_id"] as? String == caseID)
        let update = try #require(sent["update"] as? [String: Any])
        #expect(update["status"] as? String == "open")
        #expect(update["reference"] as? String == "HW/26/0042")
        #expect(update["client"] as? String == "connector:county")
        #expect((update["update_id"] as? String)?.hasPrefix("delivered:") == true)
        #expect((update["description"] as? String)?.contains("county") == true)

        // No loop: the county heard of the case once and of nothing since; the callback of one update.
        try await Task.sleep(for: .milliseconds(500))
        #expect(county.requests.count == 1)
        #expect(callback.requests.count == 1)

        let answer = try await hub.request("GET", "/v1/cases/\(caseID)", key: HubProcess.operatorKey)
        let view = try #require(answer.body.jsonObject)
        let timeline = view["timeline"] as? [[String: Any]] ?? []
        let entry = try #require(timeline.first { $0["kind"] as? String == "update" })
        #expect(entry["client"] as? String == "connector:county")
        #expect(entry["reference"] as? String == "HW/26/0042")
        let references = view["references"] as? [[String: Any]] ?? []
        let countyReferences = references.filter { $0["name"] as? String == "county" }
        #expect(countyReferences.count == 1, "the delivery's reference and its update's are one entry")
        #expect(countyReferences.first?["kind"] as? String == "connector")
        let deliveries = view["deliveries"] as? [[String: Any]] ?? []
        #expect(deliveries.compactMap { $0["connector"] as? String }.sorted() == ["county", "front-office-callback"])

        let feed = try await hub.request("GET", target: "/v1/updates")
        #expect((feed.body.jsonObject?["updates"] as? [[String: Any]])?.count == 1)
        try await hub.stop()
        await county.stop()
        await callback.stop()
    }
}
