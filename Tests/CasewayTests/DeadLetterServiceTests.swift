import CasewayHTTP
import CasewayMapping
import CasewayStore
import Foundation
import Synchronization
import Testing

@testable import Caseway

/// The dead-letter service the API and `caseway dlq` share, against a temporary store and a manual clock.
struct DeadLetterServiceTests {
    private let clock = ManualClock(Timestamp(millisecondsSinceEpoch: 1_795_441_291_000))

    /// A store in a fresh directory, and the service on it with `reroute`.
    private func withService(reroute: @escaping @Sendable (CaseRecord) -> [String] = { _ in [] },
                             _ body: (DeadLetters, Store) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(directory: directory.path + "/data",
                              configuration: Store.Configuration(readerCount: 1, checkIntegrityOnOpen: false))
        do {
            try await body(DeadLetters(store: store, clock: clock, reroute: reroute), store)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    private func makeCase(_ now: Timestamp, body: String = #"{"service_code":"HW_POT"}"#) -> CaseRecord {
        CaseRecord(id: RecordIDGenerator.shared.next(at: now), receivedAt: now, client: "webforms",
                   contentType: "application/json", senderReference: "WF-1", body: Array(body.utf8))
    }

    /// A case with one delivery to `connector` that failed twice and then died with `reason`, keeping its payload.
    private func deadLetter(_ store: Store, connector: String = "highways", reason: DeadLetterReason = .attemptsExhausted,
                            payload: [UInt8] = Array("<Request/>".utf8)) async throws -> DeliveryRecord {
        let now = clock.now()
        let record = makeCase(now)
        let id = RecordIDGenerator.shared.next(at: now)
        return try await store.write { connection in
            try connection.insertCase(record)
            try connection.insertDelivery(id: id, caseID: record.id, connector: connector, dueAt: now, now: now)
            for (index, outcome) in [AttemptOutcome.retry, .dead].enumerated() {
                _ = try connection.claimDueDeliveries(connector: connector, now: now, leaseDuration: .seconds(30), owner: "w", limit: 1)
                try connection.insertAttempt(AttemptRecord(
                    id: RecordIDGenerator.shared.next(at: now), deliveryID: id, startedAt: now.advanced(by: .seconds(Int64(index))),
                    durationMilliseconds: 120, outcome: outcome, httpStatus: 503, error: "Service Unavailable"))
                if outcome == .retry {
                    try connection.rescheduleDelivery(id: id, owner: "w", dueAt: now, error: "HTTP 503", now: now)
                }
            }
            try connection.deadLetterDelivery(id: id, owner: "w", reason: reason, error: "HTTP 503", now: now,
                                              payload: payload, payloadContentType: "application/xml")
            guard let stored = try connection.delivery(id: id) else { throw CancellationError() }
            return stored
        }
    }

    @Test func list_pagesWithACursor_untilTheLastPageHasNone() async throws {
        try await withService { service, store in
            var ids: [RecordID] = []
            for _ in 0..<5 {
                ids.append(try await deadLetter(store).id)
                clock.advance(by: .seconds(1))
            }
            let first = try await service.list(limit: 2)
            #expect(first.deadLetters.map(\.id) == Array(ids[0..<2]))
            let second = try await service.list(after: first.nextCursor, limit: 2)
            #expect(second.deadLetters.map(\.id) == Array(ids[2..<4]))
            let third = try await service.list(after: second.nextCursor, limit: 2)
            #expect(third.deadLetters.map(\.id) == [ids[4]])
            #expect(third.nextCursor == nil)
            let exact = try await service.list(limit: 5)
            #expect(exact.nextCursor == nil, "a page that ends exactly at the last one says there is no more")
            let json = JSONWriter().string(first.json)
            #expect(json.contains(#""next_cursor":"\#(first.nextCursor?.description ?? "")""#))
        }
    }

    @Test func show_givesTheCaseAttemptsAndBothPayloads() async throws {
        try await withService { service, store in
            let dead = try await deadLetter(store, payload: [0xFF, 0x00, 0x41])
            let detail = try #require(try await service.show(id: dead.id))
            #expect(detail.caseRecord.senderReference == "WF-1")
            #expect(detail.attempts.map(\.outcome) == [.retry, .dead])
            #expect(detail.delivery.payload == [0xFF, 0x00, 0x41])
            let json = try #require(detail.json.objectValue)
            #expect(json["dead_reason"] == .string("attempts_exhausted"))
            #expect(json["attempts"]?.arrayValue?.count == 2)
            #expect(json["attempts"]?.arrayValue?.first?["http_status"] == .number(JSONNumber(503)))
            let body = try #require(json["case"]?["body"])
            #expect(body["encoding"] == .string("utf-8"))
            #expect(body["content"] == .string(#"{"service_code":"HW_POT"}"#))
            let payload = try #require(json["payload"])
            #expect(payload["encoding"] == .string("base64"), "not UTF-8, so base64")
            #expect(payload["content"] == .string("/wBB"))
            #expect(payload["content_type"] == .string("application/xml"))
            #expect(try await service.show(id: RecordIDGenerator.shared.next(at: clock.now())) == nil)
        }
    }

    @Test func replay_addsLinkedDeliveries_andReportsEachFailure() async throws {
        try await withService { service, store in
            let first = try await deadLetter(store)
            let second = try await deadLetter(store, connector: "waste")
            clock.advance(by: .seconds(300))
            let unknown = RecordIDGenerator.shared.next(at: clock.now())
            let report = try await service.replay(ids: [first.id, unknown, second.id, first.id])
            #expect(report.replayed.map(\.deadLetter) == [first.id, second.id])
            #expect(report.replayed.flatMap(\.deliveries).map(\.replayOf) == [first.id, second.id])
            #expect(report.replayed.flatMap(\.deliveries).allSatisfy { $0.state == .pending && $0.dueAt == clock.now() })
            #expect(report.failed.map(\.id) == [unknown, first.id], "unknown, then already replayed")
            #expect(report.failed.allSatisfy { $0.reason.contains("no open dead letter") })
            #expect(try await service.list().deadLetters.isEmpty)
            #expect(try await service.show(id: first.id) == nil, "a replayed dead letter is no longer open")
            let links = try await store.read { try $0.deliveries(replayOf: first.id) }
            #expect(links.count == 1)
        }
    }

    @Test func replayConnector_replaysEveryOpenDeadLetterOfIt_acrossPages() async throws {
        try await withService { service, store in
            var highways: [RecordID] = []
            for _ in 0..<5 { highways.append(try await deadLetter(store).id) }
            let waste = try await deadLetter(store, connector: "waste")
            clock.advance(by: .seconds(1))
            let report = try await service.replay(connector: "highways", pageSize: 2)
            #expect(report.replayed.map(\.deadLetter) == highways)
            #expect(report.failed.isEmpty)
            #expect(try await service.list().deadLetters.map(\.id) == [waste.id])
            #expect(try await service.replay(connector: "highways").replayed.isEmpty, "nothing left to replay")
        }
    }

    @Test func noRouteReplay_routesTheCaseAgain_withTheCurrentConfiguration() async throws {
        let routes = Mutex<[String]>([])
        try await withService(reroute: { _ in routes.withLock { $0 } }) { service, store in
            let now = clock.now()
            let record = makeCase(now)
            let dead = try await store.write { connection in
                try connection.insertCase(record)
                return try connection.insertNoRouteDeadLetter(id: RecordIDGenerator.shared.next(at: now), caseID: record.id, now: now)
            }
            let refused = try await service.replay(ids: [dead.id])
            #expect(refused.replayed.isEmpty)
            #expect(refused.failed.first?.reason
                    == "no connector takes this case yet: add or change a connector's `when`, then replay")
            #expect(try await service.list().deadLetters.map(\.id) == [dead.id], "still open after a failed replay")

            routes.withLock { $0 = ["highways", "lighting", "highways"] }
            clock.advance(by: .seconds(60))
            let report = try await service.replay(ids: [dead.id])
            let deliveries = try #require(report.replayed.first?.deliveries)
            #expect(deliveries.map(\.connector) == ["highways", "lighting"])
            #expect(deliveries.allSatisfy { $0.replayOf == dead.id && $0.caseID == record.id })
            #expect(try await service.list().deadLetters.isEmpty)
        }
    }

    @Test func discard_removesItFromTheList_once() async throws {
        try await withService { service, store in
            let dead = try await deadLetter(store)
            #expect(try await service.discard(id: dead.id))
            #expect(try await service.discard(id: dead.id) == false)
            #expect(try await service.list().deadLetters.isEmpty)
            let kept = try await store.read { try $0.delivery(id: dead.id) }
            #expect(kept?.resolution == .discarded)
            #expect(kept?.resolvedAt == clock.now())
        }
    }

    @Test func listQuery_namesEachBadParameter() {
        let bad = DeadLetterListQuery.parse(HTTPQuery(parsing: "limit=0&reason=lost&case_id=x&cursor=y&conector=z"[...]))
        guard case .failure(let invalid) = bad else {
            Issue.record("accepted a bad query")
            return
        }
        #expect(Set(invalid.errors.map(\.field)) == ["limit", "reason", "case_id", "cursor", "conector"])
        guard case .success(let good) = DeadLetterListQuery.parse(HTTPQuery(parsing: "connector=waste&reason=no_route&limit=500"[...])) else {
            Issue.record("refused a good query")
            return
        }
        #expect(good.filter == DeadLetterFilter(connector: "waste", reason: .noRoute))
        #expect(good.limit == 500)
    }

    @Test func replayRequest_isExactlyOneOfConnectorOrIds() throws {
        let id = RecordIDGenerator.shared.next(at: clock.now())
        #expect(try DeadLetterReplayRequest.parse(Array(#"{"connector":"waste"}"#.utf8)).get() == .connector("waste"))
        #expect(try DeadLetterReplayRequest.parse(Array(#"{"ids":["\#(id.text)"]}"#.utf8)).get() == .ids([id]))
        let cases: [(String, String)] = [
            (#"{"connector":"waste","ids":[]}"#, "body"), ("{}", "body"), ("[1]", "body"), ("{", "body"),
            (#"{"ids":[]}"#, "ids"), (#"{"ids":["\#(id.text)", "nope"]}"#, "ids[1]"), (#"{"connector":7}"#, "connector"),
            (#"{"connector":"a","extra":1}"#, "extra"),
        ]
        for (body, field) in cases {
            guard case .failure(let invalid) = DeadLetterReplayRequest.parse(Array(body.utf8)) else {
                Issue.record("accepted \(body)")
                continue
            }
            #expect(invalid.errors.map(\.field).contains(field), "\(body): \(invalid.errors)")
        }
        let tooMany = "{\"ids\":[" + Array(repeating: "\"\(id.text)\"", count: 1001).joined(separator: ",") + "]}"
        guard case .failure(let invalid) = DeadLetterReplayRequest.parse(Array(tooMany.utf8)) else {
            Issue.record("accepted 1001 ids")
            return
        }
        #expect(invalid.errors.map(\.field) == ["ids"])
    }
}
