import CasewayMapping
import CasewayStore
import Foundation
import Testing

@testable import Caseway

/// A worker delivering updates: what it sends for a delivery that carries an update, and that such a
/// delivery never overtakes the case's own earlier delivery to the same connector (invariant 6).
struct DeliveryWorkerUpdateTests {
    let bench: WorkerTestBench
    var store: Store { bench.store }
    var clock: SystemClock { bench.clock }

    init() throws {
        bench = try WorkerTestBench()
    }

    static let body = Array(#"{"service_code":"POT","description":"pothole"}"#.utf8)

    func worker(mapping: Mapping? = nil, transport: ScriptedTransport) throws -> DeliveryWorker {
        var connector = try TestConnectors.declaration(name: "callback", mapping: mapping?.name)
        connector.retry.initialDelay = .milliseconds(20)
        connector.retry.maxDelay = .milliseconds(40)
        connector.retry.jitter = 0
        return bench.worker(connector, transport: transport, mapping: mapping)
    }

    /// A case from `webforms` with one delivery to `callback`, then an update on it with a second delivery
    /// to `callback`: the ids of the case's delivery, the update's delivery and the update.
    func enqueueCaseThenUpdate() async throws -> (caseDelivery: RecordID, updateDelivery: RecordID, update: UpdateRecord) {
        let now = clock.now()
        let ids = RecordIDGenerator.shared
        return try await store.write { connection in
            let record = CaseRecord(
                id: ids.next(at: now), receivedAt: now, client: "webforms", contentType: "application/json",
                senderReference: "FO-77", body: Self.body)
            try connection.insertCase(record)
            let caseDelivery = try connection.insertDelivery(
                id: ids.next(at: now), caseID: record.id, connector: "callback", dueAt: now, now: now)
            let update = try connection.insertUpdate(UpdateRecord(
                id: ids.next(at: now), caseID: record.id, client: "highways", senderUpdateID: "HW-U1", status: "fixed",
                externalStatusCode: "CLOSED-OK", description: "Pothole filled", updatedAt: "2026-11-23T10:00:00+00:00",
                updatedAtInstant: now, reference: "HW-9", receivedAt: now, bodySHA256: Array(repeating: 7, count: 32)))
            let updateDelivery = try connection.insertDelivery(
                id: ids.next(at: now), caseID: record.id, updateID: update.id, connector: "callback", dueAt: now, now: now)
            return (caseDelivery.id, updateDelivery.id, update)
        }
    }

    func run(_ worker: DeliveryWorker, until done: @escaping @Sendable (Connection) throws -> Bool) async throws {
        try await bench.run(worker, until: done)
    }

    @Test func updateDelivery_SendsTheUpdateJSONAfterTheCasesEarlierDelivery() async throws {
        // The case's own delivery fails once: the update, due at the same time, must still wait for it.
        let transport = ScriptedTransport([
            .failed(DeliveryFailure(.transient, "503")), .delivered(reference: nil, httpStatus: 200),
            .delivered(reference: nil, httpStatus: 200),
        ])
        let queued = try await enqueueCaseThenUpdate()
        try await run(try worker(transport: transport)) { try $0.delivery(id: queued.updateDelivery)?.state == .delivered }

        #expect(transport.parcels.map(\.deliveryID) == [queued.caseDelivery, queued.caseDelivery, queued.updateDelivery])
        let caseParcel = try #require(transport.parcels.first)
        #expect(caseParcel.body == Self.body)
        let parcel = try #require(transport.parcels.last)
        #expect(parcel.contentType == "application/json")
        let sent = try JSONParser().parse(parcel.body).value
        #expect(sent["case_id"]?.stringValue == parcel.caseRecord.id.text)
        #expect(sent["sender_reference"]?.stringValue == "FO-77")
        let update = try #require(sent["update"])
        #expect(update["id"]?.stringValue == queued.update.id.text)
        #expect(update["update_id"]?.stringValue == "HW-U1")
        #expect(update["status"]?.stringValue == "fixed")
        #expect(update["external_status_code"]?.stringValue == "CLOSED-OK")
        #expect(update["description"]?.stringValue == "Pothole filled")
        #expect(update["updated_at"]?.stringValue == "2026-11-23T10:00:00+00:00")
        #expect(update["reference"]?.stringValue == "HW-9")
        #expect(update["client"]?.stringValue == "highways")
    }

    @Test func updateDelivery_MappingReadsTheUpdateJSON() async throws {
        let mapping = try Mapping(text: """
            { name: "callback-shape", input: "json", output: "json",
              fields: [{ target: "ref", source: "$.sender_reference" }, { target: "state", source: "$.update.status" },
                       { target: "hub_update", variable: "update_id" }] }
            """)
        let transport = ScriptedTransport([])
        let queued = try await enqueueCaseThenUpdate()
        try await run(try worker(mapping: mapping, transport: transport)) {
            try $0.delivery(id: queued.updateDelivery)?.state == .delivered
        }
        let parcel = try #require(transport.parcels.last)
        #expect(parcel.deliveryID == queued.updateDelivery)
        #expect(String(decoding: parcel.body, as: UTF8.self) == #"{"ref":"FO-77","state":"fixed","hub_update":"\#(queued.update.id.text)"}"#)
    }
}
