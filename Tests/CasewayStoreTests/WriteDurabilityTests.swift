import CasewayStore
import Testing

/// The writer syncs the WAL after every commit holding an `.onDisk` write, and commits of
/// `.inOperatingSystem` writes only within the unsynced window, or when the store closes.
struct WriteDurabilityTests {
    private let time = Timestamp(millisecondsSinceEpoch: 1_795_441_291_123)

    private func openStore(_ directory: String, unsyncedWindow: Duration) throws -> Store {
        try Store(directory: directory, configuration: Store.Configuration(readerCount: 1, unsyncedWindow: unsyncedWindow))
    }

    @Test func eachOnDiskWrite_isSyncedBeforeItsCallerResumes() async throws {
        try await withTemporaryDirectory { directory in
            let store = try openStore(directory, unsyncedWindow: .seconds(3600))
            for index in 0..<5 {
                let record = StoreFixtures.makeCase(at: time, body: "case \(index)")
                try await store.write { try $0.insertCase(record) }
                // One caller at a time: one commit, and its sync, per write, counted before the caller resumed.
                #expect(store.writerStatistics.syncs == index + 1)
            }
            #expect(store.writerStatistics.failedSyncs == 0)
            await store.close()
        }
    }

    @Test func inOperatingSystemWrites_areNotSyncedAtOnce_butTheNextOnDiskWriteSyncsThemToo() async throws {
        try await withTemporaryDirectory { directory in
            let store = try openStore(directory, unsyncedWindow: .seconds(3600))
            let first = StoreFixtures.makeCase(at: time, body: "leased")
            try await store.write(durability: .inOperatingSystem) { try $0.insertCase(first) }
            #expect(store.writerStatistics.syncs == 0)
            // Visible to readers at once: committed, only not yet on disk.
            let seen = try await store.read { try $0.fetchCase(id: first.id) }
            #expect(seen?.id == first.id)

            let second = StoreFixtures.makeCase(at: time, body: "promised")
            try await store.write { try $0.insertCase(second) }
            #expect(store.writerStatistics.syncs == 1)
            await store.close()
            // Nothing was left unsynced, so closing had nothing more to sync.
            #expect(store.writerStatistics.syncs == 1)
        }
    }

    @Test func anUnsyncedCommit_isSyncedWhenItsWindowPasses_withNoOtherWrite() async throws {
        try await withTemporaryDirectory { directory in
            let store = try openStore(directory, unsyncedWindow: .milliseconds(20))
            let record = StoreFixtures.makeCase(at: time, body: "leased")
            try await store.write(durability: .inOperatingSystem) { try $0.insertCase(record) }
            try await StoreFixtures.eventually { store.writerStatistics.syncs == 1 }
            // Once synced, the idle writer does not sync again.
            try await Task.sleep(for: .milliseconds(100))
            #expect(store.writerStatistics.syncs == 1)
            await store.close()
        }
    }

    @Test func closing_syncsWhatWasCommittedWithoutASync() async throws {
        try await withTemporaryDirectory { directory in
            let store = try openStore(directory, unsyncedWindow: .seconds(3600))
            let record = StoreFixtures.makeCase(at: time, body: "leased")
            try await store.write(durability: .inOperatingSystem) { try $0.insertCase(record) }
            #expect(store.writerStatistics.syncs == 0)
            await store.close()
            #expect(store.writerStatistics.syncs == 1)

            let reopened = try openStore(directory, unsyncedWindow: .seconds(3600))
            let seen = try await reopened.read { try $0.fetchCase(id: record.id) }
            #expect(seen?.id == record.id)
            await reopened.close()
        }
    }
}
