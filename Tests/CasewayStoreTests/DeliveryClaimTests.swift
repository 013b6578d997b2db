import CasewayStore
import Testing

/// Claiming and leasing deliveries, driven by a manual clock.
struct DeliveryClaimTests {
    private let clock = ManualClock(Timestamp(millisecondsSinceEpoch: 1_795_441_291_000))
    private let lease = Duration.seconds(30)

    /// A store with its connection, for tests that run everything inside one write each.
    private func withStore(_ body: (Store) async throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            try await body(store)
            await store.close()
        }
    }

    @discardableResult
    private func addCase(_ store: Store, deliveries: [(connector: String, dueIn: Duration)]) async throws -> (CaseRecord, [DeliveryRecord]) {
        let now = clock.now()
        let record = StoreFixtures.makeCase(at: now)
        let inserted = try await store.write { connection in
            try connection.insertCase(record)
            return try deliveries.map { delivery in
                try connection.insertDelivery(id: RecordIDGenerator.shared.next(at: now), caseID: record.id,
                                              connector: delivery.connector, dueAt: now.advanced(by: delivery.dueIn), now: now)
            }
        }
        return (record, inserted)
    }

    private func claim(_ store: Store, _ connector: String = "highways", owner: String = "worker-1", limit: Int = 10) async throws -> [DeliveryRecord] {
        let (now, lease) = (clock.now(), lease)
        return try await store.write { connection in
            try connection.claimDueDeliveries(connector: connector, now: now, leaseDuration: lease, owner: owner, limit: limit)
        }
    }

    @Test func onlyDueDeliveries_areClaimed() async throws {
        try await withStore { store in
            let (_, due) = try await addCase(store, deliveries: [("highways", .zero)])
            let (_, later) = try await addCase(store, deliveries: [("highways", .seconds(10))])
            let first = try await claim(store)
            #expect(first.map(\.id) == due.map(\.id))
            #expect(first.first?.state == .leased)
            #expect(first.first?.leaseOwner == "worker-1")
            #expect(first.first?.leaseUntil == clock.now().advanced(by: lease))
            #expect(first.first?.attemptCount == 1)
            #expect(try await claim(store).isEmpty)
            clock.advance(by: .seconds(10))
            #expect(try await claim(store).map(\.id) == later.map(\.id))
        }
    }

    @Test func claim_takesTheEarliestDueFirst_upToTheLimit_ofItsConnectorOnly() async throws {
        try await withStore { store in
            var expected: [RecordID] = []
            for offset in [-5, -4, -3, -2, -1] {
                let (_, deliveries) = try await addCase(store, deliveries: [("highways", .seconds(offset)), ("waste", .seconds(offset))])
                expected.append(deliveries[0].id)
            }
            let claimed = try await claim(store, limit: 2)
            #expect(claimed.map(\.id) == Array(expected.prefix(2)))
            #expect(claimed.allSatisfy { $0.connector == "highways" })
            #expect(try await claim(store, limit: 10).map(\.id) == Array(expected.dropFirst(2)))
            #expect(try await claim(store, "waste", limit: 10).count == 5)
        }
    }

    @Test func expiredLease_isClaimedAgain_andTheOldOwnerCannotComplete() async throws {
        try await withStore { store in
            let (_, deliveries) = try await addCase(store, deliveries: [("highways", .zero)])
            let id = try #require(deliveries.first?.id)
            #expect(try await claim(store, owner: "worker-1").map(\.id) == [id])
            clock.advance(by: .seconds(29))
            #expect(try await claim(store, owner: "worker-2").isEmpty, "the lease still holds")
            clock.advance(by: .seconds(1))
            let reclaimed = try await claim(store, owner: "worker-2")
            #expect(reclaimed.map(\.id) == [id])
            #expect(reclaimed.first?.attemptCount == 2)
            #expect(reclaimed.first?.leaseOwner == "worker-2")

            let now = clock.now()
            let completedByOld = try await store.write { try $0.completeDelivery(id: id, owner: "worker-1", now: now) }
            #expect(!completedByOld)
            let completedByNew = try await store.write {
                try $0.completeDelivery(id: id, owner: "worker-2", backofficeReference: "HW-1234", now: now)
            }
            #expect(completedByNew)
            let stored = try await store.read { try $0.delivery(id: id) }
            #expect(stored?.state == .delivered)
            #expect(stored?.backofficeReference == "HW-1234")
            #expect(stored?.leaseOwner == nil)
            clock.advance(by: .seconds(60))
            #expect(try await claim(store).isEmpty, "delivered is final")
        }
    }

    @Test func deliveriesOfOneCaseToOneConnector_happenInOrder() async throws {
        try await withStore { store in
            let (record, deliveries) = try await addCase(store, deliveries: [("highways", .zero), ("highways", .zero), ("waste", .zero)])
            #expect(deliveries.map(\.sequence) == [1, 2, 1])
            let now = clock.now()
            let third = try await store.write { connection in
                try connection.insertDelivery(id: RecordIDGenerator.shared.next(at: now), caseID: record.id,
                                              connector: "highways", dueAt: now, now: now)
            }
            #expect(third.sequence == 3)

            #expect(try await claim(store).map(\.id) == [deliveries[0].id], "the second waits for the first")
            #expect(try await claim(store, "waste").map(\.id) == [deliveries[2].id], "another connector is independent")
            #expect(try await claim(store).isEmpty, "still in flight")
            _ = try await store.write { try $0.completeDelivery(id: deliveries[0].id, owner: "worker-1", now: now) }
            #expect(try await claim(store).map(\.id) == [deliveries[1].id])
            // A dead letter is finished too: it holds back nothing.
            _ = try await store.write {
                try $0.deadLetterDelivery(id: deliveries[1].id, owner: "worker-1", reason: "rejected: unknown street", error: "HTTP 422", now: now)
            }
            #expect(try await claim(store).map(\.id) == [third.id])
        }
    }

    @Test func failingCase_holdsBackOnlyItself() async throws {
        try await withStore { store in
            let (_, failing) = try await addCase(store, deliveries: [("highways", .zero), ("highways", .zero)])
            let (_, other) = try await addCase(store, deliveries: [("highways", .zero)])
            #expect(try await claim(store, limit: 10).map(\.id) == [failing[0].id, other[0].id])
            let now = clock.now()
            _ = try await store.write { try $0.completeDelivery(id: other[0].id, owner: "worker-1", now: now) }
            let retried = try await store.write {
                try $0.rescheduleDelivery(id: failing[0].id, owner: "worker-1", dueAt: now.advanced(by: .seconds(60)),
                                          error: "connection refused", now: now)
            }
            #expect(retried)
            let pending = try await store.read { try $0.delivery(id: failing[0].id) }
            #expect(pending?.state == .pending)
            #expect(pending?.lastError == "connection refused")
            #expect(pending?.leaseOwner == nil)
            #expect(try await claim(store).isEmpty, "the retry is not due, and its case's next delivery waits for it")
            clock.advance(by: .seconds(60))
            #expect(try await claim(store).map(\.id) == [failing[0].id])
        }
    }

    @Test func deadLetters_keepTheirReason_andAreListedByConnector() async throws {
        try await withStore { store in
            let (_, deliveries) = try await addCase(store, deliveries: [("highways", .zero), ("waste", .zero)])
            let now = clock.now()
            // Without an owner (routing, an operator) a pending delivery can be dead-lettered directly.
            let dead = try await store.write {
                try $0.deadLetterDelivery(id: deliveries[1].id, owner: nil, reason: "no mapping for this case type", error: nil, now: now)
            }
            #expect(dead)
            let notOwner = try await store.write {
                try $0.deadLetterDelivery(id: deliveries[0].id, owner: "worker-9", reason: "x", error: nil, now: now)
            }
            #expect(!notOwner, "a worker can only give up a delivery it holds")
            let listed = try await store.read { try $0.deadLetters(filter: DeadLetterFilter(connector: "waste")) }
            #expect(listed.map(\.id) == [deliveries[1].id])
            #expect(listed.first?.deadReason == "no mapping for this case type")
            #expect(try await store.read { try $0.deadLetters(filter: DeadLetterFilter(connector: "highways")) }.isEmpty)
        }
    }

    @Test func attempts_areRecordedInOrder() async throws {
        try await withStore { store in
            let (_, deliveries) = try await addCase(store, deliveries: [("highways", .zero)])
            let delivery = try #require(deliveries.first)
            let start = clock.now()
            let attempts = [
                AttemptRecord(id: RecordIDGenerator.shared.next(at: start), deliveryID: delivery.id, startedAt: start,
                              durationMilliseconds: 5003, outcome: .retry, error: "timed out after 5 s"),
                AttemptRecord(id: RecordIDGenerator.shared.next(at: start.advanced(by: .seconds(60))), deliveryID: delivery.id,
                              startedAt: start.advanced(by: .seconds(60)), durationMilliseconds: 140, outcome: .delivered,
                              httpStatus: 201, reference: "HW-99"),
            ]
            try await store.write { connection in try attempts.forEach(connection.insertAttempt) }
            #expect(try await store.read { try $0.attempts(deliveryID: delivery.id) } == attempts)
        }
    }

    @Test func claimQuery_usesTheDueIndex() async throws {
        try await withStore { store in
            let plan = try await store.read { connection in
                try connection.query("""
                    EXPLAIN QUERY PLAN SELECT id FROM deliveries
                    WHERE connector = ? AND state IN ('pending', 'leased') AND due_at <= ? ORDER BY due_at, id LIMIT 10
                    """, "highways", 0) { $0.column(3) as String }
            }
            #expect(plan.contains { $0.contains("USING INDEX deliveries_due") }, "\(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "no sort: \(plan)")
        }
    }

    @Test func backlog_countsUnfinishedOverdueAndOpenDeadLetters_perConnector() async throws {
        try await withStore { store in
            let start = clock.now()
            try await addCase(store, deliveries: [("highways", .seconds(-20)), ("waste", .seconds(3600))])
            try await addCase(store, deliveries: [("highways", .seconds(-5))])
            let (_, dying) = try await addCase(store, deliveries: [("highways", .seconds(-1))])
            // The oldest is leased (no longer overdue until its lease runs out); the newest dead-lettered.
            #expect(try await claim(store, limit: 1).count == 1)
            let now = clock.now()
            _ = try await store.write {
                try $0.deadLetterDelivery(id: dying[0].id, owner: nil, reason: "permanent_error", error: "HTTP 422", now: now)
            }
            let backlogs = try await store.read { try $0.connectorBacklogs(now: now) }
            #expect(backlogs["highways"] == ConnectorBacklog(
                connector: "highways", unfinished: 2, overdue: 1, oldestOverdueSince: start.advanced(by: .seconds(-5)),
                openDeadLetters: 1))
            #expect(backlogs["waste"] == ConnectorBacklog(connector: "waste", unfinished: 1, overdue: 0))
            #expect(backlogs.count == 2)

            // Once the lease runs out, the leased delivery is overdue again (since its lease ended).
            clock.advance(by: lease + .seconds(1))
            let later = clock.now()
            let after = try await store.read { try $0.connectorBacklogs(now: later) }
            #expect(after["highways"]?.overdue == 2)
            #expect(after["highways"]?.oldestOverdueSince == start.advanced(by: .seconds(-5)))
        }
    }
}
