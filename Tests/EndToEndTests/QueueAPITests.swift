import CasewayStore
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `caseway serve` with a pull queue: back offices receive, ack, release and reject over HTTP, leases
/// run out, long polls wake when a case arrives, and queues not granted stay invisible.
struct QueueAPITests {
    /// A hub whose PL_ cases go to the queue `planning` (granted to the poller client `highways`) and
    /// whose EN_ cases go to the queue `enforcement` (granted to nobody but admins).
    static func hub(mapping: Bool = false) throws -> HubProcess {
        let hub = try HubProcess(pollerQueues: ["planning"])
        if mapping {
            try Data("""
                { name: "planning-json", input: "json", output: "json",
                  fields: [{ target: "ref", source: "$.source.reference", transforms: ["required"] },
                           { target: "code", source: "$.service_code" }] }
                """.utf8).write(to: hub.folder.appendingPathComponent("Mappings/planning-json.json5"))
        }
        try Data("""
            { name: "planning", kind: "queue", when: { field: "$.service_code", prefix: "PL_" },
              visibility: "30s", max_receives: 5\(mapping ? #", mapping: "planning-json""# : "") }
            """.utf8).write(to: hub.folder.appendingPathComponent("Connectors/planning.json5"))
        try Data("""
            { name: "enforcement", kind: "queue", when: { field: "$.service_code", prefix: "EN_" } }
            """.utf8).write(to: hub.folder.appendingPathComponent("Connectors/enforcement.json5"))
        return hub
    }

    static func submit(_ hub: HubProcess, _ code: String = "PL_TREE", _ number: Int = 1) async throws -> String {
        let body = Data(#"{"service_code":"\#(code)","description":"case \#(number)","source":{"reference":"FO-\#(number)"}}"#.utf8)
        let answer = try await hub.request("POST", "/v1/cases", body: body)
        try #require(answer.status == 202, "submission answered \(answer.status): \(String(decoding: answer.body, as: UTF8.self))")
        return try #require(answer.body.jsonObject?["id"] as? String)
    }

    static func receive(_ hub: HubProcess, _ query: String = "", key: String = HubProcess.pollerKey,
                        queue: String = "planning") async throws -> [[String: Any]] {
        let answer = try await hub.request("GET", target: "/v1/queues/\(queue)/messages\(query)", key: key)
        try #require(answer.status == 200, "receive answered \(answer.status): \(String(decoding: answer.body, as: UTF8.self))")
        return try #require(answer.body.jsonObject?["messages"] as? [[String: Any]])
    }

    /// A receive by port only, for concurrent pollers (a `HubProcess` stays on the test's task).
    static func receive(port: Int, _ query: String) async throws -> [[String: Any]] {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/v1/queues/planning/messages\(query)"))
        var request = URLRequest(url: url)
        request.setValue("Bearer \(HubProcess.pollerKey)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        try #require((response as? HTTPURLResponse)?.statusCode == 200)
        return try #require(data.jsonObject?["messages"] as? [[String: Any]])
    }

    static func settle(_ hub: HubProcess, _ receipt: String, _ action: String, json: Any? = nil,
                       key: String = HubProcess.pollerKey) async throws -> (status: Int, body: Data) {
        let answer = try await hub.request("POST", target: "/v1/queues/planning/messages/\(receipt)/\(action)", key: key, json: json)
        return (answer.status, answer.body)
    }

    @Test func poller_receivesTheMappedMessage_andAcks_andASecondAckIsAConflict() async throws {
        let hub = try Self.hub()
        try await hub.start()
        let caseID = try await Self.submit(hub)
        let messages = try await Self.receive(hub, "?max=10")
        try #require(messages.count == 1)
        let message = messages[0]
        #expect(message["case_id"] as? String == caseID)
        #expect(message["receive_count"] as? Int == 1)
        #expect(message["content_type"] as? String == "application/json")
        #expect(message["encoding"] as? String == "utf-8")
        #expect((message["body"] as? String)?.contains("PL_TREE") == true)
        let receipt = try #require(message["receipt"] as? String)
        #expect(try await Self.settle(hub, receipt, "ack").status == 204)
        let again = try await Self.settle(hub, receipt, "ack")
        #expect(again.status == 409)
        #expect(String(decoding: again.body, as: UTF8.self).contains("already acknowledged"))
        let view = try await hub.request("GET", "/v1/cases/\(caseID)", key: HubProcess.operatorKey)
        let deliveries = view.body.jsonObject?["deliveries"] as? [[String: Any]] ?? []
        #expect(deliveries.map { $0["state"] as? String } == ["delivered"])
        #expect(try await Self.receive(hub).isEmpty)
        try await hub.stop()
    }

    @Test func expiredLease_makesTheMessageReadyAgain_andWakesALongPoll() async throws {
        let hub = try Self.hub()
        try await hub.start()
        _ = try await Self.submit(hub)
        let first = try await Self.receive(hub, "?visibility=5")
        let oldReceipt = try #require(first.first?["receipt"] as? String)
        #expect(try await Self.receive(hub).isEmpty)
        let started = ContinuousClock.now
        let second = try await Self.receive(hub, "?wait=15")
        let waited = ContinuousClock.now - started
        #expect(second.first?["receive_count"] as? Int == 2)
        // Woken by the lease's end (about 5 s after the first receive), not by the end of the wait.
        #expect(waited < .seconds(10))
        let stale = try await Self.settle(hub, oldReceipt, "ack")
        #expect(stale.status == 409)
        let receipt = try #require(second.first?["receipt"] as? String)
        #expect(try await Self.settle(hub, receipt, "release", json: ["delay_seconds": 0]).status == 204)
        #expect(try await Self.receive(hub).first?["receive_count"] as? Int == 3)
        try await hub.stop()
    }

    @Test func leaseHeldAcrossAKill_isHonoured_andTheMessageComesBackWhenItEnds() async throws {
        let hub = try Self.hub()
        try await hub.start()
        let caseID = try await Self.submit(hub)
        let received = ContinuousClock.now
        #expect(try await Self.receive(hub, "?visibility=8").count == 1)
        try await hub.crash()
        try await hub.start()
        // A restarted hub takes back its own workers' leases at once, but not a consumer's.
        #expect(try await Self.receive(hub).isEmpty)
        let again = try await Self.receive(hub, "?wait=20")
        #expect(ContinuousClock.now - received >= .seconds(7))
        #expect(again.first?["case_id"] as? String == caseID)
        #expect(again.first?["receive_count"] as? Int == 2)
        try await hub.stop()
    }

    @Test func mapping_runsAtReceive_andACaseItFailsOnBecomesADeadLetterInsteadOfAMessage() async throws {
        let hub = try Self.hub(mapping: true)
        try await hub.start()
        let body = Data(#"{"service_code":"PL_ADVERT","description":"no reference"}"#.utf8)
        let unmappable = try await hub.request("POST", "/v1/cases", body: body)
        try #require(unmappable.status == 202)
        let caseID = try await Self.submit(hub, "PL_TREE", 7)
        let messages = try await Self.receive(hub)
        #expect(messages.map { $0["case_id"] as? String } == [caseID])
        #expect(messages.first?["body"] as? String == #"{"ref":"FO-7","code":"PL_TREE"}"#)
        let list = try await hub.request("GET", target: "/v1/dead-letters?reason=mapping_error")
        let items = list.body.jsonObject?["dead_letters"] as? [[String: Any]] ?? []
        #expect(items.count == 1, "\(String(decoding: list.body, as: UTF8.self))")
        try await hub.stop()
    }

    @Test func reject_makesADeadLetterWithTheReason() async throws {
        let hub = try Self.hub()
        try await hub.start()
        let caseID = try await Self.submit(hub)
        let receipt = try #require(try await Self.receive(hub).first?["receipt"] as? String)
        let missing = try await Self.settle(hub, receipt, "reject", json: ["code": "NOT_OURS"])
        #expect(missing.status == 400)
        #expect(String(decoding: missing.body, as: UTF8.self).contains("reason"))
        let rejected = try await Self.settle(hub, receipt, "reject", json: ["code": "NOT_OURS", "reason": "a highways matter"])
        #expect(rejected.status == 204)
        let list = try await hub.request("GET", target: "/v1/dead-letters?connector=planning")
        let text = String(decoding: list.body, as: UTF8.self)
        #expect(text.contains(caseID))
        #expect(text.contains("rejected"))
        #expect(text.contains("NOT_OURS: a highways matter"))
        try await hub.stop()
        // The rejection is also an update on the case, status rejected, for the sender to learn why.
        let store = try Store(directory: hub.dataDirectory.path)
        let id = try #require(RecordID(caseID))
        let updates = try await store.read { try $0.updates(caseID: id) }
        await store.close()
        #expect(updates.map(\.status) == ["rejected"])
        #expect(updates.first?.externalStatusCode == "NOT_OURS")
        #expect(updates.first?.description == "a highways matter")
        #expect(updates.first?.client == "highways")
    }

    @Test func longPoll_returnsAsSoonAsACaseIsSubmitted() async throws {
        let hub = try Self.hub()
        try await hub.start()
        let started = ContinuousClock.now
        let port = hub.port
        let polled = Task { try await Self.receive(port: port, "?wait=20").compactMap { $0["case_id"] as? String } }
        try await Task.sleep(for: .milliseconds(500))
        let caseID = try await Self.submit(hub)
        let caseIDs = try await polled.value
        let waited = ContinuousClock.now - started
        #expect(caseIDs == [caseID])
        #expect(waited < .seconds(5), "the long poll took \(waited)")
        try await hub.stop()
    }

    @Test func concurrentPollers_neverReceiveTheSameMessage_andBatchAckSettlesThemAll() async throws {
        let hub = try Self.hub()
        try await hub.start()
        for number in 0..<30 { _ = try await Self.submit(hub, "PL_TREE", number) }
        let port = hub.port
        let batches = try await withThrowingTaskGroup(of: [[String: String]].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var got: [[String: String]] = []
                    while true {
                        let messages = try await Self.receive(port: port, "?max=4")
                        if messages.isEmpty { return got }
                        got += messages.map { ["delivery": $0["delivery_id"] as? String ?? "", "receipt": $0["receipt"] as? String ?? ""] }
                    }
                }
            }
            return try await group.reduce(into: [[[String: String]]]()) { $0.append($1) }
        }
        let all = batches.flatMap { $0 }
        #expect(all.count == 30)
        #expect(Set(all.compactMap { $0["delivery"] }).count == 30)
        let receipts = all.compactMap { $0["receipt"] } + ["not-a-receipt"]
        let answer = try await hub.request("POST", target: "/v1/queues/planning/messages/ack", key: HubProcess.pollerKey,
                                           json: ["receipts": receipts])
        #expect(answer.status == 200)
        let results = answer.body.jsonObject?["results"] as? [[String: Any]] ?? []
        #expect(results.count == 31)
        #expect(results.prefix(30).allSatisfy { $0["status"] as? Int == 204 })
        #expect(results.last?["status"] as? Int == 404)
        try await hub.stop()
    }

    @Test func queuesNotGranted_lookUnknown_andBadParametersAreNamed() async throws {
        let hub = try Self.hub()
        try await hub.start()
        _ = try await Self.submit(hub, "EN_NOISE")
        let hidden = try await hub.request("GET", target: "/v1/queues/enforcement/messages", key: HubProcess.pollerKey)
        let unknown = try await hub.request("GET", target: "/v1/queues/nothing/messages", key: HubProcess.pollerKey)
        #expect(hidden.status == 404)
        #expect(unknown.status == 404)
        #expect(hidden.body.jsonObject?["title"] as? String == unknown.body.jsonObject?["title"] as? String)
        let noScope = try await hub.request("GET", target: "/v1/queues/planning/messages", key: HubProcess.submitterKey)
        #expect(noScope.status == 403)
        // An admin sees every queue.
        #expect(try await Self.receive(hub, key: HubProcess.operatorKey, queue: "enforcement").count == 1)
        let bad = try await hub.request("GET", target: "/v1/queues/planning/messages?max=1000&visibility=-1", key: HubProcess.pollerKey)
        #expect(bad.status == 400)
        let fields = (bad.body.jsonObject?["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
        #expect(Set(fields) == ["max", "visibility"])
        try await hub.stop()
    }
}
