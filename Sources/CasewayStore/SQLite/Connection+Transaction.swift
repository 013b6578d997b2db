extension Connection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    ///
    /// Inside an open transaction (a store write, or an outer `transaction`) this becomes a savepoint,
    /// so store operations compose into the caller's transaction (the outbox pattern).
    @discardableResult
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        if isInTransaction { return try savepoint(body) }
        try run(kind.beginSQL)
        let value: T
        do {
            value = try body()
            try run("COMMIT")
        } catch {
            rollbackAfterError()
            throw error
        }
        return value
    }

    /// Runs `body` inside a savepoint: released when it returns, rolled back (alone) when it throws.
    @discardableResult
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        try savepoint(named: "caseway", body)
    }

    func savepoint<T>(named name: String, _ body: () throws -> T) throws -> T {
        try run("SAVEPOINT \(name)")
        let value: T
        do {
            value = try body()
            try run("RELEASE \(name)")
        } catch {
            try rollbackSavepointAfterError(named: name)
            throw error
        }
        return value
    }

    /// Undoes the savepoint `name` after its body failed, keeping the enclosing transaction.
    ///
    /// Some errors (a full disk, an I/O error) make SQLite roll back the whole transaction itself;
    /// then there is no savepoint left to undo, and the enclosing code learns it from `isInTransaction`.
    func rollbackSavepointAfterError(named name: String) throws {
        guard isInTransaction else { return }
        try run("ROLLBACK TO \(name)")
        try run("RELEASE \(name)")
    }

    /// Rolls back the open transaction after an error, if SQLite has not already done so.
    func rollbackAfterError() {
        guard isInTransaction else { return }
        // The caller is already throwing the error that explains the failure; a failing ROLLBACK
        // adds nothing to it, and leaves the transaction open, which the next BEGIN reports loudly.
        _ = try? run("ROLLBACK")
    }
}
