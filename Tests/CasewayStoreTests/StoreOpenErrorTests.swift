import CasewayStore
import Foundation
import Testing

struct StoreOpenErrorTests {
    private func openError(_ directory: String) throws -> StoreError {
        try #require(throws: StoreError.self) { _ = try Store(directory: directory) }
    }

    @Test func directoryUnderAFile_isRefused_namingTheDirectory() async throws {
        try await withTemporaryDirectory { directory in
            try Data("x".utf8).write(to: URL(fileURLWithPath: directory + "/file"))
            let data = directory + "/file/data"
            let error = try openError(data)
            #expect(error.reason == .directoryUnusable)
            #expect(error.message == "\(data): cannot use this as the data directory (Not a directory: \(directory)/file); create it as a directory or choose another data directory")
        }
    }

    @Test(.enabled(if: getuid() != 0, "root may write into any directory"))
    func readOnlyDirectory_isRefused_namingTheDirectory() async throws {
        try await withTemporaryDirectory { directory in
            let data = directory + "/data"
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o500])
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: data) }
            let error = try openError(data)
            #expect(error.reason == .directoryNotWritable)
            #expect(error.message == "\(data): the data directory is not writable (Permission denied); make it writable for the user running caseway or choose another data directory")
        }
    }

    @Test func garbageFile_isRefusedAsCorrupt_namingTheFile() async throws {
        try await withTemporaryDirectory { directory in
            var random = SystemRandomNumberGenerator()
            let garbage = (0..<8192).map { _ in UInt8.random(in: 0...255, using: &random) }
            try Data(garbage).write(to: URL(fileURLWithPath: directory + "/caseway.sqlite"))
            let error = try openError(directory)
            #expect(error.reason == .corrupt)
            #expect(error.message == "\(directory)/caseway.sqlite: not a Caseway store or corrupt (file is not a database); restore it from a backup or move it aside to start empty")
        }
    }

    @Test func damagedPages_areFoundOnOpen() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            let time = Timestamp(millisecondsSinceEpoch: 1_795_441_291_123)
            for index in 0..<300 {
                let record = StoreFixtures.makeCase(at: time, body: String(repeating: "case \(index) ", count: 100))
                try await store.write { try $0.insertCase(record) }
            }
            await store.close()
            // Closing the last connection checkpointed the WAL into the file; scribble over its middle.
            let file = directory + "/caseway.sqlite"
            #expect(!FileManager.default.fileExists(atPath: file + "-wal"), "closing removes the WAL")
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: file))
            let size = try handle.seekToEnd()
            try handle.seek(toOffset: size / 2)
            try handle.write(contentsOf: Data(repeating: 0x5a, count: 16_384))
            try handle.close()

            let error = try openError(directory)
            #expect(error.reason == .corrupt)
            #expect(error.message.hasPrefix("\(file): not a Caseway store or corrupt ("))
            #expect(error.message.hasSuffix("); restore it from a backup or move it aside to start empty"))
            #expect(!error.message.contains("\n"))
        }
    }

    @Test func newerSchema_isRefused_sayingWhatToDo() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            await store.close()
            let connection = try Connection(path: directory + "/caseway.sqlite", create: false)
            try connection.execute(script: "PRAGMA user_version = 7")
            let error = try openError(directory)
            #expect(error.reason == .newerSchema)
            #expect(error.message == "\(directory)/caseway.sqlite: written by a newer Caseway (schema 7, this build knows \(Schema.latestVersion)); upgrade caseway or restore a backup")
        }
    }

    @Test func anotherApplicationsDatabase_isNotTakenOver() async throws {
        try await withTemporaryDirectory { directory in
            let connection = try Connection(path: directory + "/caseway.sqlite")
            try connection.execute(script: "CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER)")
            let error = try openError(directory)
            #expect(error.reason == .corrupt)
            #expect(error.message == "\(directory)/caseway.sqlite: not a Caseway store or corrupt (an SQLite database without Caseway's schema); restore it from a backup or move it aside to start empty")
            #expect(try connection.schemaVersion() == 0)
        }
    }

    @Test func closedStore_refusesReadsAndWrites() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            await store.close()
            let writeError = await #expect(throws: StoreError.self) { try await store.write { _ in 1 } }
            #expect(writeError?.reason == .closed)
            #expect(writeError?.message == "\(directory)/caseway.sqlite: the store is closed; no more reads or writes are accepted")
            let readError = await #expect(throws: StoreError.self) { try await store.read { _ in 1 } }
            #expect(readError?.reason == .closed)
        }
    }
}
