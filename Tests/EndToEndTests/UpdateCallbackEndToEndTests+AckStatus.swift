import Foundation
import Testing

/// A back office acking with a status: the ack records an update on the message's case, in the ack's
/// transaction; a status outside the vocabulary refuses the ack, which then has not happened.
extension UpdateCallbackEndToEndTests {
    static func feed(_ hub: HubProcess) async throws -> [[String: Any]] {
        let answer = try await hub.request("GET", target: "/v1/updates")
        return try #require(answer.body.jsonObject?["updates"] as? [[String: Any]])
    }

    @Test func ackWithStatus_RecordsAnUpdateInTheFeed() async throws {
        let hub = try QueueAPITests.hub()
        try await hub.start()
        let caseID = try await QueueAPITests.submit(hub)
        let message = try #require(try await QueueAPITests.receive(hub).first)
        let receipt = try #require(message["receipt"] as? String)
        let deliveryID = try #require(message["delivery_id"] as? String)

        let acked = try await QueueAPITests.settle(hub, receipt, "ack", json: [
            "status": "investigating", "external_status_code": "PL-REG", "description": "Registered as an enforcement case",
            "reference": "PL/ENF/26/0042",
        ])
        #expect(acked.status == 204, "\(String(decoding: acked.body, as: UTF8.self))")

        let updates = try await Self.feed(hub)
        try #require(updates.count == 1)
        #expect(updates[0]["case_id"] as? String == caseID)
        #expect(updates[0]["client"] as? String == "highways")
        #expect(updates[0]["update_id"] as? String == "ack:\(deliveryID)")
        #expect(updates[0]["status"] as? String == "investigating")
        #expect(updates[0]["reference"] as? String == "PL/ENF/26/0042")
        #expect(updates[0]["external_status_code"] as? String == "PL-REG")

        let view = try await hub.request("GET", "/v1/cases/\(caseID)", key: HubProcess.operatorKey)
        let delivery = (view.body.jsonObject?["deliveries"] as? [[String: Any]])?.first
        #expect(delivery?["state"] as? String == "delivered")
        try await hub.stop()
    }

    @Test func ackWithUnknownStatus_Is422AndTheMessageIsNotAcked() async throws {
        let hub = try QueueAPITests.hub()
        try await hub.start()
        _ = try await QueueAPITests.submit(hub)
        let receipt = try #require(try await QueueAPITests.receive(hub).first?["receipt"] as? String)

        let refused = try await QueueAPITests.settle(hub, receipt, "ack", json: ["status": "sorted"])
        #expect(refused.status == 422)
        let errors = refused.body.jsonObject?["errors"] as? [[String: Any]] ?? []
        #expect(errors.map { $0["field"] as? String } == ["status"])
        let invalid = try await QueueAPITests.settle(hub, receipt, "ack", json: ["description": "done", "updated_at": "yesterday"])
        #expect(invalid.status == 400)
        #expect(Set((invalid.body.jsonObject?["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }) == ["status", "updated_at"])
        #expect(try await Self.feed(hub).isEmpty)

        // The lease still holds under the same receipt: the refused acks did nothing.
        #expect(try await QueueAPITests.settle(hub, receipt, "ack").status == 204)
        #expect(try await Self.feed(hub).isEmpty, "a plain ack records no update")
        try await hub.stop()
    }

    @Test func ackUpdate_GoesToTheFrontOfficesQueue_NotBackToTheQueueItCameFrom() async throws {
        // planning takes webforms' updates as well (a partner hub would): it must not hear its own ack.
        let hub = try HubProcess(pollerQueues: ["planning"])
        try Data("""
            { name: "planning", kind: "queue", when: { field: "$.service_code", prefix: "PL_" },
              updates: { for_clients: ["webforms"] } }
            """.utf8).write(to: hub.folder.appendingPathComponent("Connectors/planning.json5"))
        try Data("""
            { name: "webforms-updates", kind: "queue", cases: false, updates: { for_clients: ["webforms"] } }
            """.utf8).write(to: hub.folder.appendingPathComponent("Connectors/webforms-updates.json5"))
        try await hub.start()
        let caseID = try await QueueAPITests.submit(hub)
        let receipt = try #require(try await QueueAPITests.receive(hub).first?["receipt"] as? String)
        let acked = try await QueueAPITests.settle(hub, receipt, "ack", json: ["status": "in_progress", "reference": "PL/26/7"])
        #expect(acked.status == 204)

        let forFrontOffice = try await QueueAPITests.receive(hub, key: HubProcess.operatorKey, queue: "webforms-updates")
        try #require(forFrontOffice.count == 1)
        #expect(forFrontOffice[0]["case_id"] as? String == caseID)
        let sent = try #require((forFrontOffice[0]["body"] as? String).flatMap { Data($0.utf8).jsonObject })
        #expect((sent["update"] as? [String: Any])?["status"] as? String == "in_progress")
        #expect(try await QueueAPITests.receive(hub).isEmpty, "the ack's update is not handed back to planning")
        try await hub.stop()
    }

    @Test func batchAck_CarriesEachReceiptsOwnReference() async throws {
        let hub = try QueueAPITests.hub()
        try await hub.start()
        _ = try await QueueAPITests.submit(hub, "PL_TREE", 1)
        _ = try await QueueAPITests.submit(hub, "PL_ADVERT", 2)
        let receipts = try await QueueAPITests.receive(hub, "?max=10").compactMap { $0["receipt"] as? String }
        try #require(receipts.count == 2)

        let answer = try await hub.request(
            "POST", target: "/v1/queues/planning/messages/ack", key: HubProcess.pollerKey,
            json: ["receipts": [["receipt": receipts[0], "reference": "PL/26/1"], receipts[1]]])
        #expect(answer.status == 200)
        let results = answer.body.jsonObject?["results"] as? [[String: Any]] ?? []
        #expect(results.map { $0["status"] as? Int } == [204, 204])

        let updates = try await Self.feed(hub)
        #expect(updates.map { $0["reference"] as? String } == ["PL/26/1"])
        #expect(updates.map { $0["status"] as? String } == ["open"])
        try await hub.stop()
    }
}
