import CasewayMapping
import CasewayStore
import Foundation
import Testing

@testable import Caseway

/// A back office's reference on a delivered case becomes an update on the case, recorded with the delivery's
/// completion and routed back like any update, but never to the connector that gave it and never for a
/// delivery that itself carries an update.
struct DeliveryReferenceUpdateTests {
    let bench: WorkerTestBench
    var store: Store { bench.store }
    let woken = WakeRecorder()
    /// `county` takes updates on webforms' cases too (a partner hub): it must still not hear its own answer.
    let updates = UpdateReturn(route: { client in client == "webforms" ? ["county", "webforms-callback"] : [] })

    init() throws {
        bench = try WorkerTestBench()
    }

    func worker(_ transport: ScriptedTransport) throws -> DeliveryWorker {
        let woken = woken
        return bench.worker(
            try TestConnectors.declaration(name: "county"), transport: transport, updates: updates,
            updatesRouted: { woken.record($0) })
    }

    /// A case from webforms with one delivery to `county`; with `update`, the delivery carries a stored update.
    func enqueue(carryingUpdate: Bool = false) async throws -> (caseID: RecordID, delivery: RecordID) {
        let now = bench.clock.now()
        let ids = RecordIDGenerator.shared
        return try await store.write { connection in
            let record = CaseRecord(
                id: ids.next(at: now), receivedAt: now, client: "webforms", contentType: "application/json",
                senderReference: "FO-1", body: Array(#"{"service_code":"HW_POT"}"#.utf8))
            try connection.insertCase(record)
            var updateID: RecordID?
            if carryingUpdate {
                updateID = try connection.insertUpdate(UpdateRecord(
                    id: ids.next(at: now), caseID: record.id, client: "highways", senderUpdateID: "HW-U1", status: "fixed",
                    updatedAt: "2026-11-23T10:00:00+00:00", updatedAtInstant: now, receivedAt: now,
                    bodySHA256: Array(repeating: 1, count: 32))).id
            }
            let delivery = try connection.insertDelivery(
                id: ids.next(at: now), caseID: record.id, updateID: updateID, connector: "county", dueAt: now, now: now)
            return (record.id, delivery.id)
        }
    }

    @Test func deliveredWithAReference_RecordsAnOpenUpdateRoutedToTheOthers() async throws {
        let queued = try await enqueue()
        let transport = ScriptedTransport([.delivered(reference: "HW/26/0042", httpStatus: 201)])
        try await bench.run(try worker(transport)) { try $0.delivery(id: queued.delivery)?.state == .delivered }

        let updates = try await store.read { try $0.updates(caseID: queued.caseID) }
        #expect(updates.count == 1)
        let update = try #require(updates.first)
        #expect(update.client == "connector:county")
        #expect(update.senderUpdateID == "delivered:\(queued.delivery.text)")
        #expect(update.status == "open")
        #expect(update.reference == "HW/26/0042")
        #expect(update.description?.contains("county") == true)
        #expect(update.producingConnector == "county")

        let deliveries = try await store.read { try $0.deliveries(caseID: queued.caseID) }
        let carrying = deliveries.filter { $0.updateID == update.id }
        #expect(carrying.map(\.connector) == ["webforms-callback"], "not back to county, which gave the reference")
        #expect(carrying.first?.state == .pending)
        #expect(woken.recorded == [["webforms-callback"]])
    }

    @Test func deliveredWithoutAReference_RecordsNothing() async throws {
        let queued = try await enqueue()
        let transport = ScriptedTransport([.delivered(reference: nil, httpStatus: 204)])
        try await bench.run(try worker(transport)) { try $0.delivery(id: queued.delivery)?.state == .delivered }
        #expect(try await store.read { try $0.updates(caseID: queued.caseID) }.isEmpty)
        #expect(woken.recorded.isEmpty)
    }

    @Test func deliveryOfAnUpdate_NeverBegetsAnUpdate() async throws {
        let queued = try await enqueue(carryingUpdate: true)
        let transport = ScriptedTransport([.delivered(reference: "HW/26/0043", httpStatus: 200)])
        try await bench.run(try worker(transport)) { try $0.delivery(id: queued.delivery)?.state == .delivered }
        let updates = try await store.read { try $0.updates(caseID: queued.caseID) }
        #expect(updates.map(\.senderUpdateID) == ["HW-U1"])
        #expect(try await store.read { try $0.deliveries(caseID: queued.caseID) }.count == 1)
        #expect(woken.recorded.isEmpty)
    }
}
