import CasewayStore
import Testing

/// Receiving, acking, releasing and rejecting queue messages, driven by a manual clock.
struct QueueMessageTests {
    private let clock = ManualClock(Timestamp(millisecondsSinceEpoch: 1_795_441_291_000))
    private let visibility = Duration.seconds(30)

    private func withStore(_ body: (Store) async throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            try await body(store)
            await store.close()
        }
    }

    /// Adds a case with `count` deliveries to the `planning` queue, in sequence; returns them.
    @discardableResult
    private func addCase(_ store: Store, count: Int = 1) async throws -> [DeliveryRecord] {
        let now = clock.now()
        let record = StoreFixtures.makeCase(at: now)
        return try await store.write { connection in
            try connection.insertCase(record)
            return try (0..<count).map { _ in
                try connection.insertDelivery(id: RecordIDGenerator.shared.next(at: now), caseID: record.id,
                                              connector: "planning", dueAt: now, now: now)
            }
        }
    }

    private func receive(_ store: Store, consumer: String = "planning-team", limit: Int = 10,
                         maxReceives: Int = 10) async throws -> (messages: [QueueMessageRecord], deadLettered: [DeliveryRecord]) {
        let (now, visibility) = (clock.now(), visibility)
        return try await store.write { connection in
            try connection.receiveMessages(connector: "planning", consumer: consumer, now: now, visibility: visibility,
                                           maxReceives: maxReceives, limit: limit)
        }
    }

    private func ack(_ store: Store, _ receipt: QueueReceipt, consumer: String = "planning-team",
                     connector: String = "planning") async throws -> QueueSettlement {
        let now = clock.now()
        return try await store.write { connection in
            try connection.acknowledgeMessage(connector: connector, receipt: receipt, consumer: consumer, now: now)
        }
    }

    @Test func receivedMessage_isHiddenForItsVisibility_thenReadyAgainWithANewReceipt() async throws {
        try await withStore { store in
            let added = try await addCase(store)
            let first = try await receive(store).messages
            #expect(first.map(\.delivery.id) == added.map(\.id))
            #expect(first.first?.delivery.attemptCount == 1)
            #expect(first.first?.caseRecord != nil)
            clock.advance(by: .seconds(29))
            #expect(try await receive(store).messages.isEmpty)
            clock.advance(by: .seconds(1))
            let second = try await receive(store).messages
            #expect(second.map(\.delivery.id) == added.map(\.id))
            #expect(second.first?.delivery.attemptCount == 2)
            #expect(second.first?.receipt != first.first?.receipt)
        }
    }

    @Test func ack_deliversWhileTheLeaseHolds_andTwiceIsStale() async throws {
        try await withStore { store in
            let added = try await addCase(store)
            let receipt = try #require(try await receive(store).messages.first?.receipt)
            #expect(try await ack(store, receipt) == .settled)
            #expect(try await ack(store, receipt) == .stale(.delivered))
            let stored = try await store.read { try $0.delivery(id: added[0].id) }
            #expect(stored?.state == .delivered)
            clock.advance(by: .seconds(60))
            #expect(try await receive(store).messages.isEmpty)
        }
    }

    @Test func ackAfterTheLeaseExpired_isRefused_andAnOldReceiptIsStaleOnceReceivedAgain() async throws {
        try await withStore { store in
            _ = try await addCase(store)
            let old = try #require(try await receive(store).messages.first?.receipt)
            clock.advance(by: visibility)
            #expect(try await ack(store, old) == .leaseExpired)
            let fresh = try #require(try await receive(store).messages.first?.receipt)
            #expect(try await ack(store, old) == .stale(.leased))
            #expect(try await ack(store, fresh) == .settled)
        }
    }

    @Test func foreignReceipts_areUnknown() async throws {
        try await withStore { store in
            _ = try await addCase(store)
            let receipt = try #require(try await receive(store).messages.first?.receipt)
            #expect(try await ack(store, receipt, consumer: "someone-else") == .unknown)
            #expect(try await ack(store, receipt, connector: "waste") == .unknown)
            let made = QueueReceipt(deliveryID: RecordIDGenerator.shared.next(at: clock.now()), token: receipt.token)
            #expect(try await ack(store, made) == .unknown)
            #expect(try await ack(store, receipt) == .settled)
        }
    }

    @Test func receipt_roundTripsAsText_andRejectsAnythingElse() throws {
        let receipt = QueueReceipt(deliveryID: RecordIDGenerator.shared.next(at: clock.now()), token: String(repeating: "ab", count: 16))
        #expect(QueueReceipt(receipt.description) == receipt)
        #expect(QueueReceipt("x.\(receipt.token)") == nil)
        #expect(QueueReceipt("\(receipt.deliveryID.text).ABAB") == nil)
        #expect(QueueReceipt(receipt.description + ".x") == nil)
    }

    @Test func maxReceives_movesTheMessageToTheDeadLetters_insteadOfAThirdReceive() async throws {
        try await withStore { store in
            let added = try await addCase(store)
            for count in 1...2 {
                let got = try await receive(store, maxReceives: 2)
                #expect(got.messages.first?.delivery.attemptCount == count)
                clock.advance(by: visibility)
            }
            let third = try await receive(store, maxReceives: 2)
            #expect(third.messages.isEmpty)
            #expect(third.deadLettered.map(\.id) == added.map(\.id))
            let stored = try #require(try await store.read { try $0.delivery(id: added[0].id) })
            #expect(stored.state == .dead)
            #expect(stored.deadLetterReason == .maxReceives)
            #expect(stored.attemptCount == 2)
        }
    }

    @Test func maxReceives_deadLetter_letsTheBatchFillWithTheNextMessage() async throws {
        try await withStore { store in
            let poison = try await addCase(store)
            _ = try await receive(store, limit: 1, maxReceives: 1)
            clock.advance(by: visibility)
            let next = try await addCase(store)
            let got = try await receive(store, limit: 1, maxReceives: 1)
            #expect(got.deadLettered.map(\.id) == poison.map(\.id))
            #expect(got.messages.map(\.delivery.id) == next.map(\.id))
        }
    }

    @Test func deliveriesOfOneCase_areReceivedInOrder_oneAtATime() async throws {
        try await withStore { store in
            let added = try await addCase(store, count: 3)
            let first = try await receive(store).messages
            #expect(first.map(\.delivery.id) == [added[0].id])
            #expect(try await ack(store, first[0].receipt) == .settled)
            let second = try await receive(store).messages
            #expect(second.map(\.delivery.id) == [added[1].id])
        }
    }

    @Test func release_returnsTheMessageAfterItsDelay_keepingItsReceiveCount() async throws {
        try await withStore { store in
            _ = try await addCase(store)
            let receipt = try #require(try await receive(store).messages.first?.receipt)
            let (now, dueAt) = (clock.now(), clock.now().advanced(by: .seconds(5)))
            let released = try await store.write { connection in
                try connection.releaseMessage(connector: "planning", receipt: receipt, consumer: "planning-team", dueAt: dueAt, now: now)
            }
            #expect(released == .settled)
            #expect(try await receive(store).messages.isEmpty)
            clock.advance(by: .seconds(5))
            #expect(try await receive(store).messages.first?.delivery.attemptCount == 2)
        }
    }

    @Test func reject_makesADeadLetterWithTheReason() async throws {
        try await withStore { store in
            let added = try await addCase(store)
            let receipt = try #require(try await receive(store).messages.first?.receipt)
            let now = clock.now()
            let rejected = try await store.write { connection in
                try connection.rejectMessage(connector: "planning", receipt: receipt, consumer: "planning-team",
                                             error: "NOT_OURS: not a planning matter", now: now)
            }
            #expect(rejected == .settled)
            let stored = try #require(try await store.read { try $0.delivery(id: added[0].id) })
            #expect(stored.deadLetterReason == .rejected)
            #expect(stored.lastError == "NOT_OURS: not a planning matter")
        }
    }

    @Test func manyReceivers_neverGetTheSameMessageWithinOneLease() async throws {
        try await withStore { store in
            for _ in 0..<40 { try await addCase(store) }
            let batches = try await withThrowingTaskGroup(of: [RecordID].self) { group in
                for index in 0..<8 {
                    group.addTask { try await receive(store, consumer: "team-\(index)", limit: 7).messages.map(\.delivery.id) }
                }
                return try await group.reduce(into: [[RecordID]]()) { $0.append($1) }
            }
            let all = batches.flatMap { $0 }
            #expect(all.count == 40)
            #expect(Set(all).count == all.count)
        }
    }
}
