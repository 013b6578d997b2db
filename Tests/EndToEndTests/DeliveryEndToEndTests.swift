import CasewayStore
import CasewayTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `caseway serve` with a file connector and an http connector to a scripted loopback partner: cases
/// accepted end delivered through failures, dead letters replay after the partner recovers, and a kill -9
/// mid-delivery loses nothing and writes no file twice.
@Suite(.serialized)
struct DeliveryEndToEndTests {
    static let accepted = #"{"status":"OK","reference":"HE/2026/000001"}"#

    /// A hub whose HW_ cases go to `partner` over HTTP and WS_ cases to the `drop` folder.
    static func hub(partnerURL: String, retry: String, breaker: String = #"circuit_breaker: { failures: 100, pause: "1s" }"#) throws -> HubProcess {
        let hub = try HubProcess()
        try Data("""
            { name: "partner", kind: "http", url: "\(partnerURL)",
              when: { field: "$.service_code", prefix: "HW_" },
              reference: { json: "$.reference" },
              timeouts: { connect: "1s", total: "2s" },
              retry: \(retry), \(breaker), concurrency: 8 }
            """.utf8).write(to: hub.folder.appendingPathComponent("Connectors/partner.json5"))
        try Data("""
            { name: "drop", kind: "file", directory: "drop", create_directory: true,
              when: { field: "$.service_code", prefix: "WS_" }, concurrency: 8 }
            """.utf8).write(to: hub.folder.appendingPathComponent("Connectors/drop.json5"))
        return hub
    }

    static func body(_ code: String, _ number: Int) -> Data {
        Data(#"{"service_code":"\#(code)","description":"case \#(number)","source":{"reference":"FO-\#(code)-\#(number)"}}"#.utf8)
    }

    /// Submits a case; returns its id.
    static func submit(_ hub: HubProcess, _ code: String, _ number: Int) async throws -> String {
        let answer = try await hub.request("POST", "/v1/cases", body: body(code, number))
        try #require(answer.status == 202, "submission answered \(answer.status): \(String(decoding: answer.body, as: UTF8.self))")
        return try #require(answer.body.jsonObject?["id"] as? String)
    }

    /// Waits until every case's deliveries are all in `state` (or 30 s pass); returns the cases that are not.
    static func waitUntil(_ hub: HubProcess, _ ids: [String], are state: String, seconds: Int = 30) async throws -> [String] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        var pending = ids
        while !pending.isEmpty && ContinuousClock.now < deadline {
            var still: [String] = []
            for id in pending {
                let answer = try await hub.request("GET", "/v1/cases/\(id)", key: HubProcess.operatorKey)
                let deliveries = answer.body.jsonObject?["deliveries"] as? [[String: Any]] ?? []
                if deliveries.isEmpty || deliveries.contains(where: { $0["state"] as? String != state }) { still.append(id) }
            }
            pending = still
            if !pending.isEmpty { try await Task.sleep(for: .milliseconds(100)) }
        }
        return pending
    }

    static func dropFiles(_ hub: HubProcess) throws -> [String] {
        let folder = hub.folder.appendingPathComponent("drop")
        return (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    }

    @Test func flakyPartner_EveryCaseDeliveredWithOneEffectPerKey() async throws {
        let partner = ScriptedPartner.failing(first: 8, with: .status(503), then: .json(Self.accepted, status: 201))
        _ = try partner.start()
        let hub = try Self.hub(partnerURL: partner.url(path: "/enquiries"), retry: #"{ initial_delay: "50ms", max_delay: "200ms", jitter: 0 }"#)
        try await hub.start()
        var ids: [String] = []
        for number in 0..<20 { ids.append(try await Self.submit(hub, "HW_POT", number)) }
        for number in 0..<10 { ids.append(try await Self.submit(hub, "WS_MISS", number)) }
        let undelivered = try await Self.waitUntil(hub, ids, are: "delivered")
        #expect(undelivered.isEmpty, "\(undelivered.count) cases not delivered")
        // 20 deliveries to the partner: 20 keys, each accepted once (201) however often it was tried.
        #expect(partner.distinctIdempotencyKeys == 20)
        let accepted = partner.requests.filter { $0.number > 8 }.compactMap { $0.header("Idempotency-Key") }
        #expect(accepted.count == Set(accepted).count)
        let files = try Self.dropFiles(hub)
        #expect(files.count == 10, "drop folder holds \(files)")
        #expect(!files.contains { $0.hasPrefix(".") }, "temporary files left behind: \(files)")
        // The case view shows the partner's reference and every attempt.
        let view = try await hub.request("GET", "/v1/cases/\(ids[0])", key: HubProcess.operatorKey).body.jsonObject
        let delivery = try #require((view?["deliveries"] as? [[String: Any]])?.first)
        #expect(delivery["backoffice_reference"] as? String == "HE/2026/000001")
        try await hub.stop()
        await partner.stop()
    }

    @Test func partnerDownPastMaxAge_DeadLettersThenReplayDelivers() async throws {
        let partner = ScriptedPartner(script: [], then: .status(503))
        _ = try partner.start()
        let hub = try Self.hub(
            partnerURL: partner.url(path: "/enquiries"), retry: #"{ initial_delay: "100ms", max_delay: "200ms", jitter: 0, max_age: "1s" }"#)
        try await hub.start()
        var ids: [String] = []
        for number in 0..<3 { ids.append(try await Self.submit(hub, "HW_DRN", number)) }
        let notDead = try await Self.waitUntil(hub, ids, are: "dead")
        #expect(notDead.isEmpty)
        let list = try await hub.request("GET", target: "/v1/dead-letters?connector=partner")
        let letters = list.body.jsonObject?["dead_letters"] as? [[String: Any]] ?? []
        #expect(letters.count == 3)
        #expect(letters.allSatisfy { $0["reason"] as? String == "max_age_exceeded" || $0["dead_reason"] as? String == "max_age_exceeded" })

        partner.setFallback(.json(Self.accepted))
        let replay = try await hub.request(
            "POST", "/v1/dead-letters/replay", key: HubProcess.operatorKey, body: Data(#"{"connector":"partner"}"#.utf8))
        #expect(replay.status == 202)
        let deadline = ContinuousClock.now + .seconds(30)
        var delivered = 0
        while ContinuousClock.now < deadline {
            delivered = 0
            for id in ids {
                let view = try await hub.request("GET", "/v1/cases/\(id)", key: HubProcess.operatorKey).body.jsonObject
                let deliveries = view?["deliveries"] as? [[String: Any]] ?? []
                if deliveries.contains(where: { $0["state"] as? String == "delivered" && $0["replay_of"] is String }) { delivered += 1 }
            }
            if delivered == ids.count { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(delivered == 3)
        let after = try await hub.request("GET", target: "/v1/dead-letters?connector=partner")
        #expect((after.body.jsonObject?["dead_letters"] as? [Any])?.isEmpty == true)
        try await hub.stop()
        await partner.stop()
    }

    @Test func kill9MidDelivery_EveryAcceptedCaseEndsDeliveredAndNoFileTwice() async throws {
        let partner = ScriptedPartner(script: [], then: .delayed(.milliseconds(50), .json(Self.accepted)))
        _ = try partner.start()
        let hub = try Self.hub(partnerURL: partner.url(path: "/enquiries"), retry: #"{ initial_delay: "50ms", max_delay: "100ms" }"#)
        try await hub.start()
        var ids: [String] = []
        for number in 0..<60 {
            ids.append(try await Self.submit(hub, "HW_SGN", number))
            ids.append(try await Self.submit(hub, "WS_FLY", number))
        }
        // Mid-delivery: the partner is slow, so sends are in flight now.
        try await hub.crash()
        try await hub.start()
        let undelivered = try await Self.waitUntil(hub, ids, are: "delivered")
        #expect(undelivered.isEmpty, "\(undelivered.count) cases not delivered after the restart")
        #expect(partner.distinctIdempotencyKeys == 60)
        let files = try Self.dropFiles(hub)
        #expect(files.count == 60, "one file per case: found \(files.count)")
        #expect(!files.contains { $0.hasPrefix(".") })
        try await hub.stop()
        await partner.stop()
    }
}
