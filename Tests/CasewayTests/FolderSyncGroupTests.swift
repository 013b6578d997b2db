import Dispatch
import Foundation
import Synchronization
import Testing

@testable import Caseway

/// Concurrent sends to one folder share its fsync, and each learns whether the sync covering it failed.
struct FolderSyncGroupTests {
    final class Counts: Sendable {
        /// Syncs started so far.
        let started = Atomic<Int>(0)
        /// Callers released by a sync that had already started when they asked (must never happen).
        let violations = Atomic<Int>(0)
    }

    @Test func concurrentCallersShareSyncsAndEachIsCoveredByOneThatStartedAfterIt() {
        let group = FolderSyncGroup()
        let counts = Counts()
        let finished = DispatchGroup()
        for _ in 0..<32 {
            finished.enter()
            Thread.detachNewThread {
                let before = counts.started.load(ordering: .sequentiallyConsistent)
                try? group.sync { () throws(FileSystemError) in
                    counts.started.add(1, ordering: .sequentiallyConsistent)
                    Thread.sleep(forTimeInterval: 0.005)
                }
                if counts.started.load(ordering: .sequentiallyConsistent) <= before {
                    counts.violations.add(1, ordering: .relaxed)
                }
                finished.leave()
            }
        }
        finished.wait()
        let syncs = counts.started.load(ordering: .relaxed)
        #expect(counts.violations.load(ordering: .relaxed) == 0)
        #expect(syncs >= 1 && syncs < 32, "32 concurrent callers should share syncs, ran \(syncs)")
    }

    @Test func aFailedSync_IsThrownToTheCallersItCovered() {
        let group = FolderSyncGroup()
        #expect(throws: FileSystemError.self) {
            try group.sync { () throws(FileSystemError) in throw FileSystemError(call: "fsync", path: "/drop", code: EIO) }
        }
        // The next round succeeds and does not inherit the earlier failure.
        #expect(throws: Never.self) { try group.sync { () throws(FileSystemError) in } }
    }
}
