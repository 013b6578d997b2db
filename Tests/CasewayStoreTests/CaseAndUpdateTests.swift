import CasewayStore
import Testing

struct CaseAndUpdateTests {
    private let time = Timestamp(millisecondsSinceEpoch: 1_795_441_291_123)

    @Test func case_roundTripsByteForByte_withItsHash() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            let body: [UInt8] = Array(#"{"description":"Pothole — deep","location":{"lat":51.5}}"#.utf8) + [0, 255]
            let record = CaseRecord(id: RecordIDGenerator.shared.next(at: time), receivedAt: time, client: "report-it",
                                    contentType: "application/json", senderReference: "FMS-1001", body: body)
            try await store.write { try $0.insertCase(record) }
            let stored = try await store.read { try $0.fetchCase(id: record.id) }
            #expect(stored == record)
            #expect(stored?.bodySHA256 == SHA256.hash(body))
            #expect(try await store.read { try $0.fetchCase(id: RecordIDGenerator.shared.next(at: time)) } == nil)
            await store.close()
        }
    }

    @Test func idempotencyKey_pointsToTheFirstCase_andCannotBeReused() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            let first = StoreFixtures.makeCase(at: time, body: "first")
            try await store.write { try $0.insertCase(first, idempotencyKey: "submit-42") }
            let key = try await store.read { try $0.idempotencyKey(client: "report-it", key: "submit-42") }
            #expect(key?.caseID == first.id)
            #expect(key?.bodySHA256 == first.bodySHA256)
            #expect(try await store.read { try $0.idempotencyKey(client: "other-client", key: "submit-42") } == nil)

            let retry = StoreFixtures.makeCase(at: time, body: "first")
            let error = await #expect(throws: SQLiteError.self) {
                try await store.write { try $0.insertCase(retry, idempotencyKey: "submit-42") }
            }
            #expect(error?.isUniqueViolation == true)
            #expect(try await store.read { try $0.fetchCase(id: retry.id) } == nil, "the case went with the key")
            await store.close()
        }
    }

    @Test func caseAndItsDeliveries_commitTogether_orNotAtAll() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            let record = StoreFixtures.makeCase(at: time)
            let time = time
            await #expect(throws: SQLiteError.self) {
                try await store.write { connection in
                    try connection.insertCase(record)
                    try connection.insertDelivery(id: RecordIDGenerator.shared.next(at: time), caseID: record.id,
                                                  connector: "highways", dueAt: time, now: time)
                    // A delivery of a case that does not exist breaks the foreign key; the case goes too.
                    try connection.insertDelivery(id: RecordIDGenerator.shared.next(at: time),
                                                  caseID: RecordIDGenerator.shared.next(at: time),
                                                  connector: "waste", dueAt: time, now: time)
                }
            }
            let counts = try await store.read { connection in
                [try connection.scalar("SELECT count(*) FROM cases", as: Int.self),
                 try connection.scalar("SELECT count(*) FROM deliveries", as: Int.self)]
            }
            #expect(counts == [0, 0])
            await store.close()
        }
    }

    @Test func updates_getFeedPositions_andDuplicatesAreRefused() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            let record = StoreFixtures.makeCase(at: time)
            let time = time
            @Sendable func update(_ senderID: String, _ status: String) -> UpdateRecord {
                UpdateRecord(id: RecordIDGenerator.shared.next(at: time), caseID: record.id, client: "highways-backoffice",
                             senderUpdateID: senderID, status: status, externalStatusCode: "WIP",
                             description: "Crew assigned", updatedAt: "2026-11-23T14:00:00+00:00",
                             updatedAtInstant: time, reference: "HW-1", receivedAt: time, bodySHA256: SHA256.hash(senderID))
            }
            let inserted = try await store.write { connection in
                try connection.insertCase(record)
                return [try connection.insertUpdate(update("u-1", "in_progress")), try connection.insertUpdate(update("u-2", "closed"))]
            }
            #expect(inserted.map(\.seq) == [1, 2])
            #expect(inserted.map(\.status) == ["in_progress", "closed"])
            let duplicate = await #expect(throws: SQLiteError.self) {
                try await store.write { _ = try $0.insertUpdate(update("u-1", "closed")) }
            }
            #expect(duplicate?.code == SQLiteError.constraintUnique)
            let (found, forCase, feed) = try await store.read { connection in
                (try connection.update(client: "highways-backoffice", senderUpdateID: "u-1"),
                 try connection.updates(caseID: record.id),
                 try connection.updates(after: 1, limit: 10))
            }
            #expect(found == inserted[0])
            #expect(forCase == inserted)
            #expect(feed == [inserted[1]])
            await store.close()
        }
    }
}
