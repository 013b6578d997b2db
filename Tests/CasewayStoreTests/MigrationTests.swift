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
            #expect(version == 1)
            #expect(application == Schema.applicationID)
            #expect(tables.map(\.0) == ["attempts", "cases", "deliveries", "idempotency_keys", "updates"])
            let notStrict = tables.filter { !$0.1 }.map(\.0)
            #expect(notStrict.isEmpty, "not STRICT: \(notStrict)")
            #expect(journal == "wal")
            let (synchronous, foreignKeys) = try await store.write { connection in
                (try connection.scalar("PRAGMA synchronous", as: Int.self), try connection.scalar("PRAGMA foreign_keys", as: Int.self))
            }
            #expect(synchronous == 2, "synchronous=FULL")
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
}
