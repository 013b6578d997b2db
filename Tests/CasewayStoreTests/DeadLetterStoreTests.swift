import Testing

@testable import CasewayStore

/// Dead letters in the store: kept payloads, the filtered and paged list, replay and discard.
struct DeadLetterStoreTests {
    private let clock = ManualClock(Timestamp(millisecondsSinceEpoch: 1_795_441_291_000))
    private let lease = Duration.seconds(30)

    private func withStore(_ body: (Store) async throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            try await body(store)
            await store.close()
        }
    }

    private func newID() -> RecordID { RecordIDGenerator.shared.next(at: clock.now()) }

    /// A case with one delivery to `connector`, claimed and dead-lettered with `reason` at the clock's time.
    @discardableResult
    private func deadLetter(_ store: Store, connector: String = "highways", reason: DeadLetterReason = .attemptsExhausted,
                            payload: [UInt8]? = nil) async throws -> DeliveryRecord {
        let now = clock.now()
        let (record, delivery) = (StoreFixtures.makeCase(at: now), newID())
        return try await store.write { connection in
            try connection.insertCase(record)
            try connection.insertDelivery(id: delivery, caseID: record.id, connector: connector, dueAt: now, now: now)
            _ = try connection.claimDueDeliveries(connector: connector, now: now, leaseDuration: .seconds(30), owner: "w", limit: 100)
            let dead = try connection.deadLetterDelivery(id: delivery, owner: "w", reason: reason, error: "HTTP 503", now: now,
                                                         payload: payload, payloadContentType: payload == nil ? nil : "application/xml")
            guard dead, let stored = try connection.delivery(id: delivery) else { throw TestFailure("not dead-lettered") }
            return stored
        }
    }

    private func list(_ store: Store, _ filter: DeadLetterFilter = DeadLetterFilter(), after cursor: DeadLetterCursor? = nil,
                      limit: Int = 100) async throws -> [DeliveryRecord] {
        try await store.read { try $0.deadLetters(filter: filter, after: cursor, limit: limit) }
    }

    @Test func deadLetter_keepsThePayloadOfTheLastFailedAttempt() async throws {
        try await withStore { store in
            let now = clock.now()
            let record = StoreFixtures.makeCase(at: now)
            let id = newID()
            let stored = try await store.write { connection in
                try connection.insertCase(record)
                try connection.insertDelivery(id: id, caseID: record.id, connector: "highways", dueAt: now, now: now)
                _ = try connection.claimDueDeliveries(connector: "highways", now: now, leaseDuration: .seconds(30), owner: "w", limit: 1)
                try connection.rescheduleDelivery(id: id, owner: "w", dueAt: now, error: "timed out", now: now,
                                                  payload: Array("<first/>".utf8), payloadContentType: "application/xml")
                _ = try connection.claimDueDeliveries(connector: "highways", now: now, leaseDuration: .seconds(30), owner: "w", limit: 1)
                // A retry that passes no payload keeps the one stored.
                try connection.rescheduleDelivery(id: id, owner: "w", dueAt: now, error: "timed out again", now: now)
                let kept = try connection.delivery(id: id)?.payload
                _ = try connection.claimDueDeliveries(connector: "highways", now: now, leaseDuration: .seconds(30), owner: "w", limit: 1)
                try connection.deadLetterDelivery(id: id, owner: "w", reason: .attemptsExhausted, error: "HTTP 503", now: now,
                                                  payload: Array(#"{"last":true}"#.utf8), payloadContentType: "application/json")
                return (kept, try connection.delivery(id: id))
            }
            #expect(stored.0 == Array("<first/>".utf8))
            #expect(stored.1?.payload == Array(#"{"last":true}"#.utf8))
            #expect(stored.1?.payloadContentType == "application/json")
            #expect(stored.1?.deadLetterReason == .attemptsExhausted)
            #expect(stored.1?.lastError == "HTTP 503")
            #expect(stored.1?.isOpenDeadLetter == true)
        }
    }

    @Test func noRoute_isADeadLetterOfTheCase_withNoConnector() async throws {
        try await withStore { store in
            let now = clock.now()
            let record = StoreFixtures.makeCase(at: now)
            let dead = try await store.write { connection in
                try connection.insertCase(record)
                return try connection.insertNoRouteDeadLetter(id: RecordIDGenerator.shared.next(at: now), caseID: record.id, now: now)
            }
            #expect(dead.state == .dead)
            #expect(dead.connector == DeliveryRecord.noRouteConnector)
            #expect(dead.deadLetterReason == .noRoute)
            #expect(try await list(store, DeadLetterFilter(reason: .noRoute)).map(\.id) == [dead.id])
            #expect(try await store.read { try $0.deliveries(caseID: record.id) }.map(\.id) == [dead.id])
        }
    }

    @Test func nextDueAt_isTheEarliestUnfinished_ofThatConnector_fromTheDueIndex() async throws {
        try await withStore { store in
            #expect(try await store.read { try $0.nextDueAt(connector: "highways") } == nil)
            let now = clock.now()
            let record = StoreFixtures.makeCase(at: now)
            let (soon, later) = (newID(), newID())
            try await store.write { connection in
                try connection.insertCase(record)
                try connection.insertDelivery(id: later, caseID: record.id, connector: "highways", dueAt: now.advanced(by: .seconds(90)), now: now)
                try connection.insertDelivery(id: RecordIDGenerator.shared.next(at: now), caseID: record.id, connector: "waste",
                                              dueAt: now.advanced(by: .seconds(5)), now: now)
            }
            let other = StoreFixtures.makeCase(at: now)
            try await store.write { connection in
                try connection.insertCase(other)
                try connection.insertDelivery(id: soon, caseID: other.id, connector: "highways", dueAt: now.advanced(by: .seconds(30)), now: now)
            }
            #expect(try await store.read { try $0.nextDueAt(connector: "highways") } == now.advanced(by: .seconds(30)))
            clock.advance(by: .seconds(30))
            let claimNow = clock.now()
            _ = try await store.write {
                try $0.claimDueDeliveries(connector: "highways", now: claimNow, leaseDuration: .seconds(120), owner: "w", limit: 1)
            }
            // Leased now: its due_at is the lease's end, after the other delivery.
            #expect(try await store.read { try $0.nextDueAt(connector: "highways") } == now.advanced(by: .seconds(90)))
            _ = try await store.write { try $0.completeDelivery(id: soon, owner: "w", now: claimNow) }
            _ = try await store.write { try $0.deadLetterDelivery(id: later, owner: nil, reason: .mappingError, error: nil, now: claimNow) }
            #expect(try await store.read { try $0.nextDueAt(connector: "highways") } == nil, "finished deliveries are not due")

            let plan = try await store.read { connection in
                try connection.query("EXPLAIN QUERY PLAN " + Connection.nextDueSQL, "highways") { $0.column(3) as String }
            }
            #expect(plan.contains { $0.contains("USING COVERING INDEX deliveries_due") || $0.contains("USING INDEX deliveries_due") },
                    "plan: \(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "plan: \(plan)")
        }
    }

    @Test func list_pagesStably_whileNewDeadLettersArrive() async throws {
        try await withStore { store in
            var expected: [RecordID] = []
            for _ in 0..<5 {
                expected.append(try await deadLetter(store).id)
                clock.advance(by: .milliseconds(1))
            }
            // Two in the same millisecond: the id breaks the tie.
            expected.append(try await deadLetter(store).id)
            expected.append(try await deadLetter(store).id)
            let first = try await list(store, limit: 3)
            #expect(first.map(\.id) == Array(expected[0..<3]))
            // Arrivals between pages land after everything already listed.
            clock.advance(by: .seconds(1))
            let arrived = try await deadLetter(store)
            let second = try await list(store, after: first.last.map(DeadLetterCursor.init(after:)), limit: 3)
            #expect(second.map(\.id) == Array(expected[3..<6]))
            let third = try await list(store, after: second.last.map(DeadLetterCursor.init(after:)), limit: 3)
            #expect(third.map(\.id) == [expected[6], arrived.id])
            let cursor = try #require(third.last.map(DeadLetterCursor.init(after:)))
            #expect(try await list(store, after: cursor, limit: 3).isEmpty)
            #expect(DeadLetterCursor(cursor.description) == cursor, "the text form reads back")
            #expect(DeadLetterCursor("nonsense") == nil)
            #expect(DeadLetterCursor("12.not-an-id") == nil)
            #expect(try await list(store, limit: 0).isEmpty)
        }
    }

    @Test func list_filtersByConnectorReasonAndCase_andUsesTheDeadIndexes() async throws {
        try await withStore { store in
            let highways = try await deadLetter(store, connector: "highways", reason: .permanentError)
            let waste = try await deadLetter(store, connector: "waste", reason: .permanentError)
            let wasteAged = try await deadLetter(store, connector: "waste", reason: .maxAgeExceeded)
            #expect(try await list(store, DeadLetterFilter(connector: "waste")).map(\.id) == [waste.id, wasteAged.id])
            #expect(try await list(store, DeadLetterFilter(reason: .permanentError)).map(\.id) == [highways.id, waste.id])
            #expect(try await list(store, DeadLetterFilter(connector: "waste", reason: .maxAgeExceeded)).map(\.id) == [wasteAged.id])
            #expect(try await list(store, DeadLetterFilter(caseID: waste.caseID)).map(\.id) == [waste.id])
            #expect(try await list(store, DeadLetterFilter(connector: "highways", caseID: waste.caseID)).isEmpty)
            #expect(try await list(store, DeadLetterFilter(connector: "nobody")).isEmpty)

            let plans = try await store.read { connection in
                try [false, true].map { byConnector in
                    try connection.query("EXPLAIN QUERY PLAN " + Connection.deadLetterListSQL(byConnector: byConnector, byCase: false),
                                         0, "", nil as String?, "waste", nil as String?, 10) { $0.column(3) as String }
                }
            }
            #expect(plans[0].contains { $0.contains("INDEX deliveries_dead ") } && !plans[0].contains { $0.contains("TEMP B-TREE") },
                    "plan: \(plans[0])")
            #expect(plans[1].contains { $0.contains("INDEX deliveries_dead_by_connector") } && !plans[1].contains { $0.contains("TEMP B-TREE") },
                    "plan: \(plans[1])")
        }
    }

    @Test func replay_resolvesTheDeadLetter_andAddsALinkedPendingDelivery() async throws {
        try await withStore { store in
            let dead = try await deadLetter(store, payload: Array("<old/>".utf8))
            clock.advance(by: .seconds(600))
            let now = clock.now()
            let newID = newID()
            let replay = try await store.write { try $0.replayDeadLetter(id: dead.id, newID: newID, now: now) }
            let delivery = try #require(replay)
            #expect(delivery.id == newID)
            #expect(delivery.state == .pending)
            #expect(delivery.dueAt == now)
            #expect(delivery.caseID == dead.caseID)
            #expect(delivery.connector == dead.connector)
            #expect(delivery.replayOf == dead.id)
            #expect(delivery.sequence == dead.sequence + 1, "after the case's earlier deliveries to the connector")
            #expect(delivery.attemptCount == 0)
            #expect(delivery.payload == nil, "mapped again when it is sent")

            let old = try await store.read { try $0.delivery(id: dead.id) }
            #expect(old?.state == .dead)
            #expect(old?.resolution == .replayed)
            #expect(old?.resolvedAt == now)
            #expect(old?.payload == Array("<old/>".utf8), "history keeps what was sent")
            #expect(try await list(store).isEmpty, "a replayed dead letter leaves the list")
            #expect(try await store.read { try $0.deliveries(replayOf: dead.id) }.map(\.id) == [newID])

            let again = try await store.write { try $0.replayDeadLetter(id: dead.id, newID: RecordIDGenerator.shared.next(at: now), now: now) }
            #expect(again == nil, "a dead letter is replayed once")
            #expect(try await store.read { try $0.deliveries(caseID: dead.caseID) }.count == 2)
            let notDead = try await store.write { try $0.replayDeadLetter(id: newID, newID: RecordIDGenerator.shared.next(at: now), now: now) }
            #expect(notDead == nil, "a pending delivery is not a dead letter")
            let unknown = try await store.write {
                try $0.replayDeadLetter(id: RecordIDGenerator.shared.next(at: now), newID: RecordIDGenerator.shared.next(at: now), now: now)
            }
            #expect(unknown == nil)
        }
    }

    @Test func replayedDelivery_isClaimable_afterTheCasesEarlierDeliveries() async throws {
        try await withStore { store in
            let now = clock.now()
            let record = StoreFixtures.makeCase(at: now)
            let (first, second) = (newID(), newID())
            try await store.write { connection in
                try connection.insertCase(record)
                try connection.insertDelivery(id: first, caseID: record.id, connector: "highways", dueAt: now, now: now)
                try connection.insertDelivery(id: second, caseID: record.id, connector: "highways", dueAt: now, now: now)
            }
            let claim = { @Sendable (store: Store, now: Timestamp) in
                try await store.write {
                    try $0.claimDueDeliveries(connector: "highways", now: now, leaseDuration: .seconds(30), owner: "w", limit: 10)
                }
            }
            #expect(try await claim(store, now).map(\.id) == [first])
            _ = try await store.write { try $0.deadLetterDelivery(id: first, owner: "w", reason: .permanentError, error: "HTTP 400", now: now) }
            #expect(try await claim(store, now).map(\.id) == [second])
            clock.advance(by: .seconds(5))
            let replayNow = clock.now()
            let replay = try await store.write { try $0.replayDeadLetter(id: first, newID: RecordIDGenerator.shared.next(at: replayNow), now: replayNow) }
            let replayID = try #require(replay?.id)
            #expect(try await claim(store, replayNow).isEmpty, "waits for the case's earlier delivery still in flight")
            _ = try await store.write { try $0.completeDelivery(id: second, owner: "w", now: replayNow) }
            let claimed = try await claim(store, replayNow)
            #expect(claimed.map(\.id) == [replayID])
            #expect(claimed.first?.replayOf == first)
            #expect(try await store.read { try $0.deliveries(caseID: record.id) }.map(\.sequence) == [1, 2, 3])
        }
    }

    @Test func noRouteReplay_fansOutOnceToEachConnector_inOneWrite() async throws {
        try await withStore { store in
            let now = clock.now()
            let record = StoreFixtures.makeCase(at: now)
            let dead = try await store.write { connection in
                try connection.insertCase(record)
                return try connection.insertNoRouteDeadLetter(id: RecordIDGenerator.shared.next(at: now), caseID: record.id, now: now)
            }
            clock.advance(by: .seconds(3600))
            let replayNow = clock.now()
            let replays = try await store.write { connection in
                try ["highways", "lighting", "highways"].map { connector in
                    try connection.replayDeadLetter(id: dead.id, newID: RecordIDGenerator.shared.next(at: replayNow),
                                                    connector: connector, now: replayNow)
                }
            }
            #expect(replays.map { $0?.connector } == ["highways", "lighting", nil], "one delivery per connector")
            #expect(replays.compactMap { $0?.replayOf } == [dead.id, dead.id])
            let old = try await store.read { try $0.delivery(id: dead.id) }
            #expect(old?.resolution == .replayed)
            #expect(old?.resolvedAt == replayNow)
            clock.advance(by: .seconds(1))
            let laterNow = clock.now()
            let later = try await store.write {
                try $0.replayDeadLetter(id: dead.id, newID: RecordIDGenerator.shared.next(at: laterNow), connector: "waste", now: laterNow)
            }
            #expect(later == nil, "a later replay finds it resolved")
            await #expect(throws: SQLiteError.self, "a no_route dead letter needs a connector") {
                let other = StoreFixtures.makeCase(at: laterNow)
                try await store.write { connection in
                    try connection.insertCase(other)
                    let dead = try connection.insertNoRouteDeadLetter(id: RecordIDGenerator.shared.next(at: laterNow), caseID: other.id, now: laterNow)
                    _ = try connection.replayDeadLetter(id: dead.id, newID: RecordIDGenerator.shared.next(at: laterNow), now: laterNow)
                }
            }
        }
    }

    @Test func discard_resolvesOnce_andKeepsTheHistory() async throws {
        try await withStore { store in
            let dead = try await deadLetter(store)
            let kept = try await deadLetter(store)
            clock.advance(by: .seconds(60))
            let now = clock.now()
            #expect(try await store.write { try $0.discardDeadLetter(id: dead.id, now: now) })
            #expect(try await store.write { try $0.discardDeadLetter(id: dead.id, now: now) } == false)
            #expect(try await list(store).map(\.id) == [kept.id])
            let old = try await store.read { try $0.delivery(id: dead.id) }
            #expect(old?.resolution == .discarded)
            #expect(old?.resolvedAt == now)
            #expect(old?.state == .dead)
            let replay = try await store.write { try $0.replayDeadLetter(id: dead.id, newID: RecordIDGenerator.shared.next(at: now), now: now) }
            #expect(replay == nil, "a discarded dead letter cannot be replayed")
        }
    }
}
