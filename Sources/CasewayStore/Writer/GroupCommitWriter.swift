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
        var writerSleeping = false
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

    private enum Step {
        case commit(letIn: [CheckedContinuation<Void, any Error>])
        case sleep
        case finish
    }

    /// The store file, for error messages.
    public let path: String
    /// How many writes may wait in the queue.
    public let capacity: Int
    /// The most writes committed in one transaction.
    public let maxBatchSize: Int
    private let state = Mutex(State())
    /// Signalled once for each time the writer announced it would sleep; see `writerSleeping`.
    private let wakeUp = DispatchSemaphore(value: 0)

    /// Starts the writer thread, which takes over `connection`.
    init(connection: ConnectionHandoff, path: String, capacity: Int, maxBatchSize: Int) {
        self.path = path
        self.capacity = max(1, capacity)
        self.maxBatchSize = max(1, maxBatchSize)
        // The thread keeps the writer alive until it has drained the queue after close().
        let thread = Thread { [self] in run(connection) }
        thread.name = "caseway-store-writer"
        thread.start()
    }

    // MARK: Callers

    /// Runs `body` on the writer's connection inside the next batch's transaction, and returns its
    /// result once that transaction has committed (is on disk).
    ///
    /// A body that throws has its changes rolled back (the rest of the batch is unaffected) and its
    /// error is rethrown. Bodies must not BEGIN, COMMIT or ROLLBACK themselves; `transaction` and
    /// `savepoint` inside a body nest as savepoints. Once queued, a write goes ahead even if the
    /// calling task is cancelled; a task cancelled while waiting for room gets `CancellationError`.
    public func write<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await admit()
        return try await withCheckedThrowingContinuation { continuation in
            let pending = PendingWrite(body: body, continuation: continuation)
            let wake = state.withLock { state -> Bool in
                state.reserved -= 1
                state.queue.append(pending)
                state.statistics.peakQueued = max(state.statistics.peakQueued, state.queue.count)
                guard state.writerSleeping else { return false }
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
            var batch: [PendingWrite] = []
            batch.reserveCapacity(min(maxBatchSize, 1024))
            serving: while true {
                switch nextStep(taking: &batch) {
                case .commit(let letIn):
                    for waiter in letIn { waiter.resume() }
                    if let connection {
                        commit(batch, on: connection)
                    } else {
                        for write in batch { write.fail(StoreError.closed(path)) }
                    }
                    batch.removeAll(keepingCapacity: true)
                case .sleep:
                    wakeUp.wait()
                case .finish:
                    break serving
                }
            }
        }
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.finished = true
            defer { state.finishWaiters.removeAll() }
            return state.finishWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Takes the next batch into `batch`, or says to sleep (announcing it) or to finish.
    private func nextStep(taking batch: inout [PendingWrite]) -> Step {
        state.withLock { state -> Step in
            if state.queue.isEmpty {
                if state.closing && state.roomWaiters.isEmpty && state.reserved == 0 { return .finish }
                state.writerSleeping = true
                return .sleep
            }
            if state.queue.count <= maxBatchSize {
                // Swapping keeps both arrays' storage: no allocation per batch.
                swap(&batch, &state.queue)
            } else {
                batch.append(contentsOf: state.queue[..<maxBatchSize])
                state.queue.removeFirst(maxBatchSize)
            }
            // Let in callers waiting for room, as many as there is room for now, in arrival order.
            let room = capacity - state.queue.count - state.reserved
            let count = min(max(room, 0), state.roomWaiters.count)
            guard count > 0 else { return .commit(letIn: []) }
            let letIn = state.roomWaiters[..<count].map(\.continuation)
            state.roomWaiters.removeFirst(count)
            state.reserved += count
            return .commit(letIn: letIn)
        }
    }

    /// Runs one batch in one transaction and resumes its callers once the outcome is final.
    private func commit(_ batch: [PendingWrite], on connection: Connection) {
        var outcomes: [WriteOutcome] = []
        outcomes.reserveCapacity(batch.count)
        var succeeded = 0
        do {
            // Left open only if an earlier ROLLBACK failed; this batch must not inherit its changes.
            if connection.isInTransaction { connection.rollbackAfterError() }
            try connection.run("BEGIN IMMEDIATE")
            for write in batch {
                try connection.run("SAVEPOINT caseway_write")
                let outcome = write.perform(connection)
                outcomes.append(outcome)
                // A body that ended the transaction itself, or an error after which SQLite rolled
                // back the whole transaction (disk full, I/O error), takes the batch down with it.
                guard connection.isInTransaction else {
                    throw outcome.bodyError ?? SQLiteError(code: SQLITE_MISUSE, message: "a write ended the writer's transaction itself (BEGIN/COMMIT/ROLLBACK inside a write)", sql: nil, path: path)
                }
                if outcome.bodyError != nil {
                    try connection.run("ROLLBACK TO caseway_write")
                } else {
                    succeeded += 1
                }
                try connection.run("RELEASE caseway_write")
            }
            try connection.run("COMMIT")
        } catch {
            connection.rollbackAfterError()
            state.withLock { $0.statistics.failedBatches += 1 }
            for outcome in outcomes { outcome.resume(error) }
            for write in batch.dropFirst(outcomes.count) { write.fail(error) }
            return
        }
        state.withLock { state in
            state.statistics.commits += 1
            state.statistics.committedWrites += succeeded
            state.statistics.largestBatch = max(state.statistics.largestBatch, batch.count)
        }
        for outcome in outcomes { outcome.resume(nil) }
    }
}
