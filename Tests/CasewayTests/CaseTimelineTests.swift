import CasewayMapping
import CasewayStore
import Foundation
import Testing

@testable import Caseway

/// The case view's timeline and references, built from what the store holds.
struct CaseTimelineTests {
    @Test func timeline_MergesReceivedDeliveriesAttemptsAndUpdatesInTimeOrder() async throws {
        let folder = try TemporaryDirectory()
        let store = try Store(directory: folder.path + "/data")
        let clock = ManualClock(Timestamp(millisecondsSinceEpoch: 1_795_000_000_000))
        let start = clock.now()
        @Sendable func at(_ seconds: Int64) -> Timestamp { start.advanced(by: .seconds(seconds)) }
        let record = CaseRecord(
            id: RecordIDGenerator.shared.next(at: start), receivedAt: start, client: "webforms",
            contentType: "application/json", senderReference: "WF-1", body: Array("{}".utf8))
        let deliveryID = RecordIDGenerator.shared.next(at: start)
        try await store.write { connection in
            try connection.insertCase(record)
            _ = try connection.insertDelivery(id: deliveryID, caseID: record.id, connector: "highways", dueAt: at(1), now: at(1))
            try connection.insertAttempt(AttemptRecord(
                id: RecordIDGenerator.shared.next(at: at(2)), deliveryID: deliveryID, startedAt: at(2), durationMilliseconds: 40,
                outcome: .retry, httpStatus: 503, error: "HTTP 503 from the partner"))
            try connection.insertAttempt(AttemptRecord(
                id: RecordIDGenerator.shared.next(at: at(9)), deliveryID: deliveryID, startedAt: at(9), durationMilliseconds: 35,
                outcome: .delivered, httpStatus: 201, reference: "HW-77"))
            _ = try connection.claimDueDeliveries(connector: "highways", now: at(9), leaseDuration: .seconds(30), owner: "w", limit: 1)
            _ = try connection.completeDelivery(id: deliveryID, owner: "w", backofficeReference: "HW-77", now: at(9))
        }
        clock.set(at(5))
        let update = #"{"update_id":"C-1","status":"referred","updated_at":"2026-11-23T10:00:00Z","reference":"CTY-9"}"#
        _ = try await UpdateIntake(store: store, clock: clock).submit(
            UpdateSubmission(client: "county", caseID: record.id, contentType: "application/json", body: Array(update.utf8)))

        let view = try await store.read { connection in
            CaseView(
                record: record, deliveries: try connection.deliveries(caseID: record.id),
                attempts: [deliveryID: try connection.attempts(deliveryID: deliveryID)],
                updates: try connection.updates(caseID: record.id))
        }.json
        let timeline = view["timeline"]?.arrayValue ?? []
        #expect(timeline.map { $0["kind"]?.stringValue ?? "" } == ["received", "delivery", "attempt", "update", "attempt"])
        #expect(timeline[2]["error"]?.stringValue == "HTTP 503 from the partner")
        #expect(timeline[2]["connector"]?.stringValue == "highways")
        #expect(timeline[3]["reference"]?.stringValue == "CTY-9")
        #expect(timeline[4]["outcome"]?.stringValue == "delivered")
        #expect(timeline[4]["reference"]?.stringValue == "HW-77")
        let times = timeline.compactMap { $0["at"]?.stringValue }
        #expect(times == times.sorted(), "RFC 3339 in UTC with milliseconds sorts as text")

        let references = (view["references"]?.arrayValue ?? []).map { reference in
            [reference["kind"], reference["name"], reference["reference"]].map { $0?.stringValue ?? "" }
        }
        #expect(references == [["sender", "webforms", "WF-1"], ["connector", "highways", "HW-77"], ["client", "county", "CTY-9"]])
        await store.close()
    }
}
