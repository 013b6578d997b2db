import CasewayStore
import Testing

struct MigrationTests {
    @Test func emptyDirectory_getsTheLatestSchema_withEveryTableStrict() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory + "/data")
            let (version, application, tables, journal) = try await store.read { connection in
                (try connection.schemaVersion(), try connection.applicationID(),
                 try connection.query("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name") {
                     ($0.column(0) as String, $0.column(1) as Bool)
                 },
                 try connection.scalar("PRAGMA journal_mode", as: String.self))
            }
            #expect(version == Schema.latestVersion)
            #expect(version == 2)
            #expect(application == Schema.applicationID)
            #expect(tables.map(\.0) == ["attempts", "cases", "deliveries", "idempotency_keys", "updates"])
            let notStrict = tables.filter { !$0.1 }.map(\.0)
            #expect(notStrict.isEmpty, "not STRICT: \(notStrict)")
            #expect(journal == "wal")
            let (synchronous, foreignKeys) = try await store.write { connection in
                (try connection.scalar("PRAGMA synchronous", as: Int.self), try connection.scalar("PRAGMA foreign_keys", as: Int.self))
            }
            // NORMAL: the writer syncs the WAL itself after each commit that must be on disk (WriteDurabilityTests).
            #expect(synchronous == 1, "synchronous=NORMAL")
            #expect(foreignKeys == 1)
            await store.close()
        }
    }

    @Test func reopening_appliesNoMigration_andKeepsTheData() async throws {
        try await withTemporaryDirectory { directory in
            let time = Timestamp(millisecondsSinceEpoch: 1_795_441_291_123)
            let record = StoreFixtures.makeCase(at: time)
            let store = try StoreFixtures.openStore(directory)
            try await store.write { try $0.insertCase(record) }
            await store.close()

            let connection = try Connection(path: directory + "/caseway.sqlite", create: false)
            #expect(try connection.migrate() == [])
            #expect(try connection.fetchCase(id: record.id) == record)
        }
    }

    @Test func migrations_areNumberedOneByOne() {
        #expect(Schema.migrations.map(\.version) == Array(1...Schema.migrations.count))
    }

    @Test func version1FileWithDeadLetters_migratesToVersion2_keepingEveryRow() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory + "/caseway.sqlite"
            let time = Timestamp(millisecondsSinceEpoch: 1_795_441_291_000)
            let record = StoreFixtures.makeCase(at: time)
            let deadID = RecordIDGenerator.shared.next(at: time)
            let pendingID = RecordIDGenerator.shared.next(at: time)
            do {
                // A store as the previous release left it: schema 1, a dead letter and a pending delivery.
                let connection = try Connection(path: file, create: true)
                #expect(try connection.migrate(Array(Schema.migrations.prefix(1))) == [1])
                try connection.insertCase(record)
                try connection.run("""
                    INSERT INTO deliveries (id, case_id, connector, sequence, state, due_at, attempt_count, created_at,
                                            updated_at, last_error, dead_reason)
                    VALUES (?1, ?3, 'highways', 1, 'dead', ?4, 3, ?4, ?4, 'HTTP 422', 'permanent_error'),
                           (?2, ?3, 'waste', 1, 'pending', ?4, 0, ?4, ?4, NULL, NULL)
                    """, deadID, pendingID, record.id, time)
            }
            let store = try StoreFixtures.openStore(directory)
            let (version, dead, listed, due, indexes) = try await store.read { connection in
                (try connection.schemaVersion(), try connection.delivery(id: deadID),
                 try connection.deadLetters(filter: DeadLetterFilter(), after: nil, limit: 10),
                 try connection.nextDueAt(connector: "waste"),
                 try connection.query("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'deliveries_dead%' ORDER BY name") {
                     $0.column(0) as String
                 })
            }
            #expect(version == 2)
            #expect(dead?.deadLetterReason == .permanentError)
            #expect(dead?.attemptCount == 3)
            #expect(dead?.payload == nil && dead?.resolution == nil && dead?.resolvedAt == nil)
            #expect(listed.map(\.id) == [deadID], "a dead letter from before the upgrade is open")
            #expect(due == time)
            #expect(indexes == ["deliveries_dead", "deliveries_dead_by_connector"])
            // The new CHECK holds: only a dead delivery can be resolved.
            await #expect(throws: SQLiteError.self) {
                try await store.write { try $0.run("UPDATE deliveries SET resolution = 'discarded' WHERE id = ?", pendingID) }
            }
            await #expect(throws: SQLiteError.self) {
                try await store.write { try $0.run("UPDATE deliveries SET resolution = 'lost' WHERE id = ?", deadID) }
            }
            await store.close()
        }
    }
}
