import CSQLite

/// One transaction of the writer thread: runs the writes handed to it, each undoable on its own, and
/// commits them together; its callers are resumed only once the outcome is final.
struct BatchTransaction {
    private let connection: Connection
    private let path: String
    private var outcomes: [WriteOutcome] = []
    /// Writes whose bodies returned (their changes are in the transaction).
    private(set) var succeeded = 0

    /// Whether a write whose body returned was promised the disk: the commit must then be synced.
    private(set) var needsSync = false
    /// Writes run so far, whether their bodies returned or threw.
    var count: Int { outcomes.count }

    /// Begins the transaction.
    init(connection: Connection, path: String, expectedCount: Int) throws {
        self.connection = connection
        self.path = path
        outcomes.reserveCapacity(expectedCount)
        // Left open only if an earlier ROLLBACK failed; this batch must not inherit its changes.
        if connection.isInTransaction { connection.rollbackAfterError() }
        try connection.run("BEGIN IMMEDIATE")
    }

    /// Runs one write. Throws only when the whole transaction is lost; then `count` tells whether the
    /// write ran (its caller is resumed by `abandon`) or not (the caller must be failed).
    mutating func run(_ write: PendingWrite) throws {
        // Until one write has succeeded the transaction holds nothing to protect: a failing write is
        // undone by ROLLBACK and a new BEGIN, which saves two statements per batch.
        let protected = succeeded > 0
        if protected { try connection.run("SAVEPOINT caseway_write") }
        let outcome = write.perform(connection)
        outcomes.append(outcome)
        if let bodyError = outcome.bodyError {
            if protected {
                // SQLite rolls back the whole transaction itself after some errors (disk full, I/O
                // error): then the writes before this one are lost as well.
                guard connection.isInTransaction else { throw bodyError }
                try connection.run("ROLLBACK TO caseway_write")
                try connection.run("RELEASE caseway_write")
            } else {
                if connection.isInTransaction { try connection.run("ROLLBACK") }
                try connection.run("BEGIN IMMEDIATE")
            }
            return
        }
        guard connection.isInTransaction else {
            throw SQLiteError(code: SQLITE_MISUSE,
                              message: "a write ended the writer's transaction itself (BEGIN, COMMIT or ROLLBACK inside a write)",
                              sql: nil, path: path)
        }
        if protected { try connection.run("RELEASE caseway_write") }
        succeeded += 1
        if write.durability == .onDisk { needsSync = true }
    }

    /// Commits; the changes are in the WAL (in the operating system's cache) when this returns, and on
    /// disk once the writer has synced it (`Connection.syncJournal`).
    func commit() throws {
        try connection.run("COMMIT")
    }

    /// Above this many callers, resuming them is handed to the cooperative pool.
    private static let inlineResumeLimit = 4

    /// Resumes every caller with its own result, after a successful commit; with `syncError` (the commit
    /// could not be synced to disk) the callers promised the disk get that error instead.
    ///
    /// Each resume may wake a pool thread (a futex call of several microseconds); for a large batch
    /// one task does them all, so that the writer thread can start the next transaction at once.
    func resumeCallers(syncError: (any Error)? = nil) {
        let outcomes = outcomes
        let resumeAll: @Sendable () -> Void = {
            for outcome in outcomes { outcome.resume(outcome.durability == .onDisk ? syncError : nil) }
        }
        if outcomes.count <= Self.inlineResumeLimit {
            resumeAll()
        } else {
            Task.detached(priority: .high, operation: resumeAll)
        }
    }

    /// Rolls back and resumes every caller that ran with `error` (or its own error, if its body threw).
    func abandon(_ error: any Error) {
        connection.rollbackAfterError()
        for outcome in outcomes { outcome.resume(error) }
    }
}
