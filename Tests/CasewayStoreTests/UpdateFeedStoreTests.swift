import CasewayStore
import Testing

/// The store's side of the update feed: a front office's view and case lookups that skip the body.
struct UpdateFeedStoreTests {
    private let time = Timestamp(millisecondsSinceEpoch: 1_795_441_291_123)

    private func update(_ caseID: RecordID, _ senderID: String, client: String = "highways") -> UpdateRecord {
        UpdateRecord(id: RecordIDGenerator.shared.next(at: time), caseID: caseID, client: client, senderUpdateID: senderID,
                     status: "investigating", updatedAt: "2026-11-23T10:00:00Z", updatedAtInstant: time, receivedAt: time,
                     bodySHA256: SHA256.hash(Array(senderID.utf8)))
    }

    @Test func feedForOneClient_holdsOnlyUpdatesOnItsCases_inSeqOrder() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            let mine = StoreFixtures.makeCase(at: time, client: "webforms")
            let theirs = StoreFixtures.makeCase(at: time, client: "crm")
            let updates = [update(mine.id, "a"), update(theirs.id, "b"), update(mine.id, "c"), update(mine.id, "d")]
            try await store.write { connection in
                try connection.insertCase(mine)
                try connection.insertCase(theirs)
                for update in updates { _ = try connection.insertUpdate(update) }
            }
            let firstPage = try await store.read { try $0.updates(after: 0, limit: 2, caseClient: "webforms") }
            #expect(firstPage.map(\.senderUpdateID) == ["a", "c"])
            #expect(firstPage.map(\.seq) == [1, 3])
            let secondPage = try await store.read { try $0.updates(after: 3, limit: 2, caseClient: "webforms") }
            #expect(secondPage.map(\.senderUpdateID) == ["d"])
            #expect(secondPage.first?.caseID == mine.id, "columns are the update's, not the joined case's")
            #expect(secondPage.first?.client == "highways")
            #expect(try await store.read { try $0.updates(after: 0, limit: 10, caseClient: "crm") }.map(\.senderUpdateID) == ["b"])
            await store.close()
        }
    }

    @Test func caseExists_knowsStoredCasesOnly() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            let record = StoreFixtures.makeCase(at: time)
            try await store.write { try $0.insertCase(record) }
            #expect(try await store.read { try $0.caseExists(id: record.id) })
            let other = RecordIDGenerator.shared.next(at: time)
            #expect(try await store.read { try $0.caseExists(id: other) } == false)
            await store.close()
        }
    }
}
