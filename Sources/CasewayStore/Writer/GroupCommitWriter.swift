import CSQLite
import Dispatch
import Foundation
import Synchronization

/// Runs every write through one connection on one dedicated thread, committing the writes of
/// concurrent callers together: one transaction, one fsync, for a whole batch.
///
/// Callers wait in a bounded queue; when it is full they are suspended until there is room (never an
/// unbounded backlog in memory). The writer takes everything queued (up to a maximum batch), runs
/// `BEGIN IMMEDIATE`, each caller's body inside its own savepoint (a body that throws undoes only its
/// own changes and gets its own error), `COMMIT`, and only after COMMIT has returned resumes each
/// caller. If BEGIN or COMMIT fails, every caller in the batch gets that error and nothing is kept.
///
/// When the last batch had more writes than are queued now, the transaction stays open for a short
/// while (at most half the last commit's time) and takes the writes still arriving: under load the
/// callers of one batch come straight back, and one fsync for all of them beats one for a few.
///
/// The thread is not part of Swift's cooperative pool because a commit blocks in fsync.
public final class GroupCommitWriter: Sendable {
    private struct RoomWaiter {
        let id: UInt64
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var queue: [PendingWrite] = []
        /// Queue slots promised to callers let in after waiting for room, who have not queued yet.
        var reserved = 0
        /// Callers waiting for room, in arrival order.
        var roomWaiters: [RoomWaiter] = []
        var nextWaiterID: UInt64 = 0
        /// The writer is waiting on `wakeUp` until the queue holds `wakeThreshold` writes.
        var writerSleeping = false
        var wakeThreshold = 1
        var closing = false
        var finished = false
        var finishWaiters: [CheckedContinuation<Void, Never>] = []
        var statistics = WriterStatistics(commits: 0, committedWrites: 0, failedBatches: 0, largestBatch: 0,
                                          queued: 0, peakQueued: 0, waitingForRoom: 0)
    }

    private enum Admission {
        case admitted
        case mustWait(UInt64)
    }

    /// What the writer thread found when it looked at the queue.
    private enum Take {
        /// Writes were taken; these callers waiting for room may now queue theirs.
        case took(letIn: [CheckedContinuation<Void, any Error>])
        /// Nothing to take yet; the writer has announced that it sleeps (see `wakeThreshold`).
        case wait
        /// In a transaction: stop taking and commit.
        case commit
        /// Idle, closing, and nothing left: stop the thread.
        case finish
    }

    /// What the writer thread remembers of the last batch to decide how long to gather the next.
    private struct Pace {
        var lastBatchSize = 0
        var lastCommitNanoseconds: UInt64 = 0

        /// How long a transaction may wait for more writes: half the last commit, at most a millisecond.
        /// Waiting a fraction of a commit for a full batch beats spending a whole fsync on a partial one.
        var gatherWindowNanoseconds: UInt64 { min(lastCommitNanoseconds / 2, 1_000_000) }
    }

    /// The store file, for error messages.
    public let path: String
    /// How many writes may wait in the queue.
    public let capacity: Int
    /// The most writes committed in one transaction.
    public let maxBatchSize: Int
    /// The longest a commit of `.inOperatingSystem` writes stays unsynced when no `.onDisk` write follows.
    public let unsyncedWindowNanoseconds: UInt64
    private let state = Mutex(State())
    /// Signalled once for each time the writer announced it would sleep; see `writerSleeping`.
    private let wakeUp = DispatchSemaphore(value: 0)

    /// Starts the writer thread, which takes over `connection`.
    init(connection: ConnectionHandoff, path: String, capacity: Int, maxBatchSize: Int, unsyncedWindow: Duration) {
        self.path = path
        self.capacity = max(1, capacity)
        self.maxBatchSize = max(1, maxBatchSize)
        let window = unsyncedWindow.components
        self.unsyncedWindowNanoseconds = UInt64(max(0, window.seconds)) * 1_000_000_000
            + UInt64(max(0, window.attoseconds / 1_000_000_000))
        // The thread keeps the writer alive until it has drained the queue after close().
        let thread = Thread { [self] in run(connection) }
        thread.name = "caseway-store-writer"
        thread.start()
    }

    // MARK: Callers

    /// Runs `body` on the writer's connection inside the next batch's transaction, and returns its
    /// result once that transaction has committed: on disk, or only in the operating system's cache for
    /// `.inOperatingSystem` (see `WriteDurability`).
    ///
    /// A body that throws has its changes rolled back (the rest of the batch is unaffected) and its
    /// error is rethrown. Bodies must not BEGIN, COMMIT or ROLLBACK themselves; `transaction` and
    /// `savepoint` inside a body nest as savepoints. Once queued, a write goes ahead even if the
    /// calling task is cancelled; a task cancelled while waiting for room gets `CancellationError`.
    public func write<T: Sendable>(durability: WriteDurability = .onDisk,
                                   _ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await admit()
        return try await withCheckedThrowingContinuation { continuation in
            let pending = PendingWrite(body: body, durability: durability, continuation: continuation)
            let wake = state.withLock { state -> Bool in
                state.reserved -= 1
                state.queue.append(pending)
                state.statistics.peakQueued = max(state.statistics.peakQueued, state.queue.count)
                guard state.writerSleeping, state.queue.count >= state.wakeThreshold else { return false }
                state.writerSleeping = false
                return true
            }
            if wake { wakeUp.signal() }
        }
    }

    /// Reserves a queue slot for the caller, suspending it while the queue is full.
    private func admit() async throws {
        let admission = try state.withLock { state throws(StoreError) -> Admission in
            if state.closing { throw StoreError.closed(path) }
            if state.roomWaiters.isEmpty && state.queue.count + state.reserved < capacity {
                state.reserved += 1
                return .admitted
            }
            state.nextWaiterID += 1
            return .mustWait(state.nextWaiterID)
        }
        guard case .mustWait(let id) = admission else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let immediately = state.withLock { state -> Result<Void, any Error>? in
                    // Checked under the lock: a cancellation handler that ran before this point
                    // found no waiter to resume, but the flag it follows is already visible here.
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if state.closing { return .failure(StoreError.closed(path)) }
                    if state.roomWaiters.isEmpty && state.queue.count + state.reserved < capacity {
                        state.reserved += 1
                        return .success(())
                    }
                    state.roomWaiters.append(RoomWaiter(id: id, continuation: continuation))
                    return nil
                }
                if let immediately { continuation.resume(with: immediately) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> RoomWaiter? in
                guard let index = state.roomWaiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.roomWaiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Counters since the store was opened.
    public var statistics: WriterStatistics {
        state.withLock { state in
            var statistics = state.statistics
            statistics.queued = state.queue.count
            statistics.waitingForRoom = state.roomWaiters.count
            return statistics
        }
    }

    /// Whether writes are accepted (false from the moment `close()` begins).
    public var isAcceptingWrites: Bool {
        state.withLock { !$0.closing }
    }

    /// Stops accepting writes, lets the writer commit everything already queued or waiting for room,
    /// closes its connection, and returns when that is done.
    public func close() async {
        if beginClose() { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let finished = state.withLock { state -> Bool in
                if state.finished { return true }
                state.finishWaiters.append(continuation)
                return false
            }
            if finished { continuation.resume() }
        }
    }

    /// Stops accepting writes and wakes the writer to drain the queue; returns whether it has already finished.
    @discardableResult
    func beginClose() -> Bool {
        let (wake, finished) = state.withLock { state -> (Bool, Bool) in
            state.closing = true
            let wake = state.writerSleeping
            state.writerSleeping = false
            return (wake, state.finished)
        }
        if wake { wakeUp.signal() }
        return finished
    }

    // MARK: The writer thread

    private func run(_ handoff: ConnectionHandoff) {
        // Scoped so that the connection is closed before close() returns to its callers.
        do {
            // Only nil if the box were reused, which the store never does; writes then fail instead of hanging.
            let connection = handoff.take()
            var taken: [PendingWrite] = []
            taken.reserveCapacity(min(maxBatchSize, 1024))
            var pace = Pace()
            // When the oldest commit not yet synced to disk was made (uptime nanoseconds), if there is one.
            var unsyncedSince: UInt64?
            serving: while true {
                idle: while true {
                    switch take(into: &taken, executed: 0, expected: 0, now: 0, deadline: 0) {
                    case .took(let letIn):
                        for waiter in letIn { waiter.resume() }
                        break idle
                    case .wait:
                        guard let since = unsyncedSince else {
                            wakeUp.wait()
                            continue
                        }
                        let deadline = since + unsyncedWindowNanoseconds
                        sleep(until: deadline)
                        if DispatchTime.now().uptimeNanoseconds >= deadline {
                            syncInBackground(connection, since: &unsyncedSince)
                        }
                    case .finish:
                        // Closing: what was committed without a sync goes to disk before the file is closed.
                        syncInBackground(connection, since: &unsyncedSince)
                        break serving
                    case .commit:
                        continue
                    }
                }
                guard let connection else {
                    for write in taken { write.fail(StoreError.closed(path)) }
                    taken.removeAll(keepingCapacity: true)
                    continue
                }
                let started = DispatchTime.now().uptimeNanoseconds
                let size = runTransaction(on: connection, startingWith: &taken,
                                          expected: min(pace.lastBatchSize, maxBatchSize, capacity),
                                          deadline: started + pace.gatherWindowNanoseconds, unsyncedSince: &unsyncedSince)
                pace = Pace(lastBatchSize: size, lastCommitNanoseconds: DispatchTime.now().uptimeNanoseconds - started)
            }
        }
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.finished = true
            defer { state.finishWaiters.removeAll() }
            return state.finishWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Runs one transaction: the writes in `taken`, then those that keep arriving while fewer than
    /// `expected` have run (the callers of the last batch, who usually write again at once) until
    /// `deadline`; then commits, syncs the WAL if any write needs it (or an unsynced commit has waited
    /// its window), and resumes every caller. Returns how many writes it took.
    ///
    /// Running writes while the rest are still arriving overlaps their SQL with the callers' work.
    private func runTransaction(on connection: Connection, startingWith taken: inout [PendingWrite],
                                expected: Int, deadline: UInt64, unsyncedSince: inout UInt64?) -> Int {
        var transaction: BatchTransaction
        do {
            transaction = try BatchTransaction(connection: connection, path: path, expectedCount: max(expected, taken.count))
        } catch {
            fail(taken, with: error)
            let count = taken.count
            taken.removeAll(keepingCapacity: true)
            return count
        }
        var ranBefore = 0
        do {
            taking: while true {
                for write in taken { try transaction.run(write) }
                taken.removeAll(keepingCapacity: true)
                ranBefore = transaction.count
                waiting: while true {
                    let now = DispatchTime.now().uptimeNanoseconds
                    switch take(into: &taken, executed: transaction.count, expected: expected, now: now, deadline: deadline) {
                    case .took(let letIn):
                        for waiter in letIn { waiter.resume() }
                        break waiting
                    case .wait:
                        sleep(until: deadline)
                    case .commit, .finish:
                        break taking
                    }
                }
            }
            try transaction.commit()
        } catch {
            transaction.abandon(error)
            // The writes of this round that never ran: the first `count - ranBefore` did.
            let unrun = taken.dropFirst(transaction.count - ranBefore)
            fail(unrun, with: error)
            let count = transaction.count + unrun.count
            taken.removeAll(keepingCapacity: true)
            return count
        }
        let committedAt = DispatchTime.now().uptimeNanoseconds
        var syncError: (any Error)?
        if transaction.needsSync || unsyncedSince.map({ committedAt >= $0 + unsyncedWindowNanoseconds }) == true {
            do {
                try connection.syncJournal()
                unsyncedSince = nil
                state.withLock { $0.statistics.syncs += 1 }
            } catch {
                // The changes are committed (other writes already see them) but not known to be on disk:
                // the callers who were promised the disk get the error; the next sync retries.
                syncError = error
                unsyncedSince = unsyncedSince ?? committedAt
                state.withLock { $0.statistics.failedSyncs += 1 }
            }
        } else if transaction.succeeded > 0 {
            unsyncedSince = unsyncedSince ?? committedAt
        }
        let succeeded = transaction.succeeded
        let count = transaction.count
        state.withLock { state in
            if succeeded > 0 { state.statistics.commits += 1 }
            state.statistics.committedWrites += succeeded
            state.statistics.largestBatch = max(state.statistics.largestBatch, count)
        }
        transaction.resumeCallers(syncError: syncError)
        return count
    }

    /// Syncs the WAL when commits are waiting for it (the unsynced window has passed, or the writer is
    /// closing). A failure is counted and left for the next sync to retry: nobody is waiting on it.
    private func syncInBackground(_ connection: Connection?, since unsyncedSince: inout UInt64?) {
        guard unsyncedSince != nil, let connection else { return }
        do {
            try connection.syncJournal()
            unsyncedSince = nil
            state.withLock { $0.statistics.syncs += 1 }
        } catch {
            unsyncedSince = DispatchTime.now().uptimeNanoseconds
            state.withLock { $0.statistics.failedSyncs += 1 }
        }
    }

    private func fail(_ writes: some Collection<PendingWrite>, with error: any Error) {
        state.withLock { $0.statistics.failedBatches += 1 }
        for write in writes { write.fail(error) }
    }

    /// Takes queued writes into `taken`, or decides to wait (announcing it), to commit, or to finish.
    ///
    /// Idle (`executed == 0`) the writer waits for the first write. In a transaction it goes on while
    /// fewer than `expected` writes have run or the deadline has not passed: taking what has arrived,
    /// or, with nothing there, waiting for more only while fewer than `expected` have run.
    private func take(into taken: inout [PendingWrite], executed: Int, expected: Int, now: UInt64, deadline: UInt64) -> Take {
        state.withLock { state -> Take in
            let limit = maxBatchSize - executed
            if executed == 0 && state.queue.isEmpty {
                if state.closing && state.roomWaiters.isEmpty && state.reserved == 0 { return .finish }
                state.writerSleeping = true
                state.wakeThreshold = 1
                return .wait
            }
            if executed > 0 {
                let gathering = executed < expected && now < deadline && !state.closing
                if limit <= 0 || (!gathering && (state.queue.isEmpty || now >= deadline)) { return .commit }
                if state.queue.isEmpty {
                    state.writerSleeping = true
                    state.wakeThreshold = min(expected - executed, Self.gatherChunk)
                    return .wait
                }
            }
            if state.queue.count <= limit {
                // Swapping keeps both arrays' storage: no allocation per batch.
                swap(&taken, &state.queue)
            } else {
                taken.append(contentsOf: state.queue[..<limit])
                state.queue.removeFirst(limit)
            }
            // Let in callers waiting for room, as many as there is room for now, in arrival order.
            let room = capacity - state.queue.count - state.reserved
            let count = min(max(room, 0), state.roomWaiters.count)
            guard count > 0 else { return .took(letIn: []) }
            let letIn = state.roomWaiters[..<count].map(\.continuation)
            state.roomWaiters.removeFirst(count)
            state.reserved += count
            return .took(letIn: letIn)
        }
    }

    /// While gathering, the writer wakes each time this many more writes have arrived, and runs them
    /// while the rest are still on their way.
    private static let gatherChunk = 8

    /// Sleeps until a caller wakes the writer or `deadline` passes.
    private func sleep(until deadline: UInt64) {
        guard wakeUp.wait(timeout: DispatchTime(uptimeNanoseconds: deadline)) == .timedOut else { return }
        // Nobody woke us, unless a caller did just now: its signal must then be consumed here, or
        // the next sleep would return at once.
        let signalled = state.withLock { state -> Bool in
            defer { state.writerSleeping = false }
            return !state.writerSleeping
        }
        if signalled { wakeUp.wait() }
    }
}
