import CasewayMapping
import CasewayStore
import Foundation
import Testing

@testable import Caseway

/// Which connectors an update goes to, and that a new update's deliveries are stored with it (a repeat's
/// are not): the routing half of "updates travel back".
struct UpdateRoutingTests {
    let folder: TemporaryDirectory
    let store: Store
    let clock = ManualClock(Timestamp(millisecondsSinceEpoch: 1_795_000_000_000))
    let routing: RoutingTable
    /// Every connector list the intake's `accepted` hook was called with.
    let woken = WakeRecorder()

    init() throws {
        folder = try TemporaryDirectory()
        store = try Store(directory: folder.path + "/data")
        routing = RoutingTable(connectors: [
            try Self.connector("backoffice"),
            try Self.connector("callback", takesCases: false, updates: .clients(["webforms"])),
            try Self.connector("county-feed", updates: .everyClient),
            try Self.connector("crm-callback", takesCases: false, updates: .clients(["crm"])),
        ])
    }

    static func connector(_ name: String, takesCases: Bool = true, updates: UpdateSubscription? = nil) throws -> ConnectorDeclaration {
        var declaration = try TestConnectors.declaration(name: name)
        declaration.takesCases = takesCases
        declaration.updates = updates
        return declaration
    }

    func intake() -> UpdateIntake {
        let routing = routing
        let woken = woken
        return UpdateIntake(
            store: store, clock: clock, route: { routing.routeUpdate(caseSubmittedBy: $0) },
            accepted: { woken.record($0) })
    }

    func storedCase(client: String) async throws -> CaseRecord {
        let record = CaseRecord(
            id: RecordIDGenerator.shared.next(at: clock.now()), receivedAt: clock.now(), client: client,
            contentType: "application/json", body: Array(#"{"service_code":"HW_POT"}"#.utf8))
        try await store.write { try $0.insertCase(record) }
        return record
    }

    static func update(_ id: String, status: String = "investigating") -> [UInt8] {
        Array(#"{"update_id":"\#(id)","status":"\#(status)","updated_at":"2026-11-23T10:15:00+01:00"}"#.utf8)
    }

    func submit(_ caseID: RecordID, _ body: [UInt8]) async throws -> UpdateIntakeOutcome {
        try await intake().submit(UpdateSubmission(client: "highways", caseID: caseID, contentType: "application/json", body: body))
    }

    @Test func caseRouting_LeavesOutConnectorsWithCasesFalse() throws {
        let document = CaseDocument(
            client: "webforms", contentType: "application/json", senderReference: nil,
            body: .json(.object(JSONObject(["service_code": .string("HW_POT")]))))
        #expect(routing.route(document) == ["backoffice", "county-feed"])
        #expect(routing.explain(document).map(\.connector) == ["backoffice", "county-feed"])
    }

    @Test func updateRouting_FollowsTheClientThatSubmittedTheCase() {
        #expect(routing.routeUpdate(caseSubmittedBy: "webforms") == ["callback", "county-feed"])
        #expect(routing.routeUpdate(caseSubmittedBy: "crm") == ["county-feed", "crm-callback"])
        #expect(routing.routeUpdate(caseSubmittedBy: "partner") == ["county-feed"])
    }

    @Test func newUpdate_IsStoredWithOnePendingDeliveryPerConnectorThatTakesIt() async throws {
        let record = try await storedCase(client: "webforms")
        guard case .accepted(let update) = try await submit(record.id, Self.update("U-1")) else {
            Issue.record("not accepted")
            return
        }
        let deliveries = try await store.read { try $0.deliveries(caseID: record.id) }
        #expect(deliveries.map(\.connector) == ["callback", "county-feed"])
        #expect(deliveries.allSatisfy { $0.updateID == update.id && $0.state == .pending })
        #expect(woken.recorded == [["callback", "county-feed"]])
    }

    @Test func repeatedUpdate_IsNotRoutedAgain() async throws {
        let record = try await storedCase(client: "crm")
        _ = try await submit(record.id, Self.update("U-2"))
        guard case .repeated = try await submit(record.id, Self.update("U-2")) else {
            Issue.record("an identical repeat was not answered as a repeat")
            return
        }
        let deliveries = try await store.read { try $0.deliveries(caseID: record.id) }
        #expect(deliveries.map(\.connector) == ["county-feed", "crm-callback"], "one delivery each, from the first")
        #expect(woken.recorded.count == 1, "a repeat wakes nobody")
    }

    @Test func updateDelivery_QueuesBehindTheCasesOwnDelivery() async throws {
        let record = try await storedCase(client: "webforms")
        let now = clock.now()
        let caseDelivery = try await store.write { connection in
            try connection.insertDelivery(id: RecordIDGenerator.shared.next(at: now), caseID: record.id, connector: "county-feed", dueAt: now, now: now)
        }
        _ = try await submit(record.id, Self.update("U-3"))
        let deliveries = try await store.read { try $0.deliveries(caseID: record.id) }.filter { $0.connector == "county-feed" }
        #expect(deliveries.map(\.id).first == caseDelivery.id)
        #expect(deliveries.map(\.sequence) == [1, 2])
    }

    @Test func caseStatus_CountsOnlyTheCasesOwnDeliveries() async throws {
        let record = try await storedCase(client: "webforms")
        let now = clock.now()
        try await store.write { connection in
            try connection.insertDelivery(id: RecordIDGenerator.shared.next(at: now), caseID: record.id, connector: "backoffice", dueAt: now, now: now)
            let claimed = try connection.claimDueDeliveries(connector: "backoffice", now: now, leaseDuration: .seconds(30), owner: "t", limit: 1)
            for delivery in claimed { try connection.completeDelivery(id: delivery.id, owner: "t", now: now) }
        }
        _ = try await submit(record.id, Self.update("U-4"))
        let deliveries = try await store.read { try $0.deliveries(caseID: record.id) }
        #expect(deliveries.filter { $0.state == .pending }.count == 2, "the update's two deliveries are on their way")
        #expect(CaseView(record: record, deliveries: deliveries).status == "delivered")
    }

    @Test func updateReturn_LeavesOutTheConnectorTheUpdateCameFrom_andRecordsAHubMadeUpdateOnce() async throws {
        let record = try await storedCase(client: "webforms")
        let routing = routing
        let updates = UpdateReturn(route: { routing.routeUpdate(caseSubmittedBy: $0) })
        let now = clock.now()
        let checked = try UpdateCheck().check(contentType: "application/json", body: Self.update("ack:1"))
        let update = UpdateRecord(checked, id: RecordIDGenerator.shared.next(at: now), caseID: record.id, client: "planning", now: now)
        let first = try await store.write { try updates.recordOnce(update, from: "county-feed", in: $0, now: now) }
        #expect(first == ["callback"], "county-feed takes every update but gave this one")
        var retry = update
        retry.id = RecordIDGenerator.shared.next(at: now)
        let again = retry
        let second = try await store.write { try updates.recordOnce(again, from: "county-feed", in: $0, now: now) }
        #expect(second.isEmpty)
        #expect(try await store.read { try $0.updates(caseID: record.id) }.count == 1)
    }
}
