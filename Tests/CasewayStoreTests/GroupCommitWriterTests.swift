import CasewayStore
import Synchronization
import Testing

struct GroupCommitWriterTests {
    private let time = Timestamp(millisecondsSinceEpoch: 1_795_441_291_123)

    @Test func manyConcurrentWriters_areAllResumed_withEveryRowCommitted_inFewerCommits() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            let time = time
            let ids = try await withThrowingTaskGroup(of: [RecordID].self) { group in
                for task in 0..<200 {
                    group.addTask {
                        var ids: [RecordID] = []
                        for write in 0..<20 {
                            let record = StoreFixtures.makeCase(at: time, body: "task \(task) write \(write)")
                            let id = try await store.write { connection in
                                try connection.insertCase(record)
                                return record.id
                            }
                            ids.append(id)
                        }
                        return ids
                    }
                }
                var all: [RecordID] = []
                for try await ids in group { all += ids }
                return all
            }
            #expect(ids.count == 4000)
            #expect(Set(ids).count == 4000)
            let stored = try await store.read { try $0.query("SELECT id FROM cases") { $0.column(0) as RecordID } }
            #expect(Set(stored) == Set(ids))
            let statistics = store.writerStatistics
            #expect(statistics.committedWrites == 4000)
            #expect(statistics.commits < 4000)
            #expect(statistics.largestBatch > 1)
            #expect(statistics.failedBatches == 0)
            await store.close()
        }
    }

    @Test func throwingWrite_rollsBackOnlyItsOwnChanges_inASharedBatch() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            let gate = Gate()
            let holding = Task { try await store.write { _ in gate.wait() } }
            try await StoreFixtures.eventually { gate.isWaiting }

            let first = StoreFixtures.makeCase(at: time, body: "first")
            let failing = StoreFixtures.makeCase(at: time, body: "failing")
            let last = StoreFixtures.makeCase(at: time, body: "last")
            let writeFirst = Task { try await store.write { try $0.insertCase(first) } }
            try await StoreFixtures.eventually { store.writerStatistics.queued == 1 }
            let writeFailing = Task {
                try await store.write { connection in
                    try connection.insertCase(failing)
                    throw TestFailure("the caller's own error")
                }
            }
            try await StoreFixtures.eventually { store.writerStatistics.queued == 2 }
            let writeLast = Task { try await store.write { try $0.insertCase(last) } }
            try await StoreFixtures.eventually { store.writerStatistics.queued == 3 }
            gate.open()

            try await holding.value
            try await writeFirst.value
            await #expect(throws: TestFailure.self) { try await writeFailing.value }
            try await writeLast.value
            let present = try await store.read { connection in
                [first, failing, last].map { record in (try? connection.fetchCase(id: record.id)) != nil }
            }
            #expect(present == [true, false, true])
            let statistics = store.writerStatistics
            #expect(statistics.commits == 2, "the held write, then the three queued behind it together")
            #expect(statistics.largestBatch == 3)
            #expect(statistics.committedWrites == 3)
            await store.close()
        }
    }

    @Test func throwingFirstWriteOfABatch_isUndone_andTheRestCommit() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            let gate = Gate()
            let holding = Task { try await store.write { _ in gate.wait() } }
            try await StoreFixtures.eventually { gate.isWaiting }

            let failing = StoreFixtures.makeCase(at: time, body: "failing first")
            let next = StoreFixtures.makeCase(at: time, body: "next")
            let writeFailing = Task {
                try await store.write { connection in
                    try connection.insertCase(failing)
                    throw TestFailure("the first caller's error")
                }
            }
            try await StoreFixtures.eventually { store.writerStatistics.queued == 1 }
            let writeNext = Task { try await store.write { try $0.insertCase(next) } }
            try await StoreFixtures.eventually { store.writerStatistics.queued == 2 }
            gate.open()

            try await holding.value
            await #expect(throws: TestFailure.self) { try await writeFailing.value }
            try await writeNext.value
            let present = try await store.read { connection in
                [try connection.fetchCase(id: failing.id) != nil, try connection.fetchCase(id: next.id) != nil]
            }
            #expect(present == [false, true])
            #expect(store.writerStatistics.committedWrites == 2)
            await store.close()
        }
    }

    @Test func failedCommit_failsEveryCallerOfTheBatch_andKeepsNothing() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            let gate = Gate()
            let holding = Task { try await store.write { _ in gate.wait() } }
            try await StoreFixtures.eventually { gate.isWaiting }

            let innocent = StoreFixtures.makeCase(at: time, body: "innocent")
            let writeInnocent = Task { try await store.write { try $0.insertCase(innocent) } }
            try await StoreFixtures.eventually { store.writerStatistics.queued == 1 }
            // A deferred foreign key is only checked at COMMIT: the whole batch's COMMIT fails.
            let orphan = RecordIDGenerator.shared.next(at: time)
            let writeOrphan = Task {
                try await store.write { connection in
                    try connection.run("PRAGMA defer_foreign_keys = ON")
                    try connection.run("INSERT INTO idempotency_keys (client, key, body_sha256, case_id, created_at) VALUES (?, ?, ?, ?, ?)",
                                       "c", "k", SHA256.hash("x"), orphan, time)
                }
            }
            try await StoreFixtures.eventually { store.writerStatistics.queued == 2 }
            gate.open()
            try await holding.value

            let innocentError = await #expect(throws: SQLiteError.self) { try await writeInnocent.value }
            let orphanError = await #expect(throws: SQLiteError.self) { try await writeOrphan.value }
            #expect(innocentError?.code == SQLiteError.constraintForeignKey)
            #expect(orphanError?.code == SQLiteError.constraintForeignKey)
            #expect(try await store.read { try $0.fetchCase(id: innocent.id) } == nil)
            #expect(store.writerStatistics.failedBatches == 1)

            // The writer carries on with the next batch.
            let after = StoreFixtures.makeCase(at: time, body: "after")
            try await store.write { try $0.insertCase(after) }
            #expect(try await store.read { try $0.fetchCase(id: after.id) } == after)
            await store.close()
        }
    }

    @Test func fullQueue_suspendsWriters_untilThereIsRoom_andAllComplete() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory, queueCapacity: 4, maxBatchSize: 2)
            let gate = Gate()
            let holding = Task { try await store.write { _ in gate.wait() } }
            try await StoreFixtures.eventually { gate.isWaiting }
            let time = time
            let writers = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for task in 0..<50 {
                        group.addTask {
                            for write in 0..<5 {
                                let record = StoreFixtures.makeCase(at: time, body: "\(task)/\(write)")
                                try await store.write { try $0.insertCase(record) }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            try await StoreFixtures.eventually {
                let statistics = store.writerStatistics
                return statistics.queued == 4 && statistics.waitingForRoom == 46
            }
            gate.open()
            try await holding.value
            try await writers.value
            let statistics = store.writerStatistics
            #expect(statistics.peakQueued == 4)
            #expect(statistics.largestBatch <= 2)
            #expect(statistics.committedWrites == 251)
            #expect(try await store.read { try $0.scalar("SELECT count(*) FROM cases", as: Int.self) } == 250)
            await store.close()
        }
    }

    @Test func writerCancelledWhileWaitingForRoom_getsCancellationError_andWritesNothing() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory, queueCapacity: 1, maxBatchSize: 1)
            let gate = Gate()
            let holding = Task { try await store.write { _ in gate.wait() } }
            try await StoreFixtures.eventually { gate.isWaiting }
            let queued = StoreFixtures.makeCase(at: time, body: "queued")
            let writeQueued = Task { try await store.write { try $0.insertCase(queued) } }
            try await StoreFixtures.eventually { store.writerStatistics.queued == 1 }
            let cancelled = StoreFixtures.makeCase(at: time, body: "cancelled")
            let writeCancelled = Task { try await store.write { try $0.insertCase(cancelled) } }
            try await StoreFixtures.eventually { store.writerStatistics.waitingForRoom == 1 }
            writeCancelled.cancel()
            await #expect(throws: CancellationError.self) { try await writeCancelled.value }
            #expect(store.writerStatistics.waitingForRoom == 0)
            gate.open()
            try await holding.value
            try await writeQueued.value
            let present = try await store.read { connection in
                [try connection.fetchCase(id: queued.id) != nil, try connection.fetchCase(id: cancelled.id) != nil]
            }
            #expect(present == [true, false])
            await store.close()
        }
    }

    @Test func close_commitsWhatIsQueued_thenRefusesWrites() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            let gate = Gate()
            let holding = Task { try await store.write { _ in gate.wait() } }
            try await StoreFixtures.eventually { gate.isWaiting }
            let queued = StoreFixtures.makeCase(at: time, body: "queued before close")
            let writeQueued = Task { try await store.write { try $0.insertCase(queued) } }
            try await StoreFixtures.eventually { store.writerStatistics.queued == 1 }
            let closing = Task { await store.close() }
            try await StoreFixtures.eventually { !store.isAcceptingWrites }
            // While close() waits for the queue, new writes are refused at once.
            await #expect(throws: StoreError.self) { try await store.write { _ in () } }
            gate.open()
            try await holding.value
            try await writeQueued.value
            await closing.value
            await #expect(throws: StoreError.self) { try await store.write { _ in () } }
            let reopened = try StoreFixtures.openStore(directory)
            #expect(try await reopened.read { try $0.fetchCase(id: queued.id) } == queued)
            await reopened.close()
        }
    }

    @Test func transactionInsideAWrite_nestsAsASavepoint() async throws {
        try await withTemporaryDirectory { directory in
            let store = try StoreFixtures.openStore(directory)
            let kept = StoreFixtures.makeCase(at: time, body: "kept")
            let undone = StoreFixtures.makeCase(at: time, body: "undone")
            try await store.write { connection in
                try connection.transaction { try connection.insertCase(kept) }
                _ = try? connection.transaction {
                    try connection.insertCase(undone)
                    throw TestFailure("undo")
                }
            }
            let present = try await store.read { connection in
                [try connection.fetchCase(id: kept.id) != nil, try connection.fetchCase(id: undone.id) != nil]
            }
            #expect(present == [true, false])
            await store.close()
        }
    }
}
