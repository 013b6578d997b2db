import CSQLite

/// One SQLite connection: it owns the handle and a cache of prepared statements.
///
/// Opened with `SQLITE_OPEN_NOMUTEX`, so it must be used by one thread at a time; it is deliberately
/// not `Sendable`. The store hands each connection to exactly one user (the writer thread, or one
/// reader checked out of the pool), and closures given a connection cannot return it.
public final class Connection {
    /// The database file.
    public let path: String
    let handle: OpaquePointer
    private var statements: [String: Statement] = [:]

    /// Above this many distinct cached statements the cache is emptied: all SQL in the store is
    /// static text, so reaching it means a caller is building SQL at run time.
    private static let statementCacheLimit = 256

    /// Opens the database at `path`, read-write, creating the file when `create` is set.
    public init(path: String, create: Bool = true) throws {
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        if create { flags |= SQLITE_OPEN_CREATE }
        var database: OpaquePointer?
        let result = sqlite3_open_v2(path, &database, flags, nil)
        guard let database else {
            throw SQLiteError(resultCode: result, database: nil, sql: nil, path: path)
        }
        guard result == SQLITE_OK else {
            let error = SQLiteError(resultCode: result, database: database, sql: nil, path: path)
            sqlite3_close_v2(database)
            throw error
        }
        self.path = path
        self.handle = database
    }

    deinit {
        // Finalize the cached statements first so that the handle closes now, not as a zombie.
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Throws the connection's error unless `result` is `SQLITE_OK`.
    @inline(__always)
    func check(_ result: Int32, sql: @autoclosure () -> String? = nil) throws(SQLiteError) {
        if result != SQLITE_OK { throw error(result, sql: sql()) }
    }

    /// The error for `result`, just returned by a call on this connection.
    func error(_ result: Int32, sql: String?) -> SQLiteError {
        SQLiteError(resultCode: result, database: handle, sql: sql, path: path)
    }

    /// Sets how long a statement waits for another connection's lock before failing with `SQLITE_BUSY`.
    public func setBusyTimeout(milliseconds: Int32) throws {
        try check(sqlite3_busy_timeout(handle, milliseconds))
    }

    /// Prepares a statement that is not cached; the caller owns it.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(connection: self, sql: sql, persistent: false)
    }

    /// Runs `body` with the cached prepared statement for `sql`, then resets it and clears its bindings.
    public func withStatement<T>(_ sql: String, _ body: (Statement) throws -> T) throws -> T {
        let statement = try cachedStatement(sql)
        statement.isInUse = true
        defer {
            statement.reset()
            statement.isInUse = false
        }
        return try body(statement)
    }

    private func cachedStatement(_ sql: String) throws -> Statement {
        if let cached = statements[sql] {
            // A statement already stepping further up the stack (a row callback running the same
            // SQL again) cannot be reused; a fresh, uncached one is used for the inner call.
            return cached.isInUse ? try prepare(sql) : cached
        }
        if statements.count >= Self.statementCacheLimit { statements.removeAll() }
        let statement = try Statement(connection: self, sql: sql, persistent: true)
        statements[sql] = statement
        return statement
    }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// The number of rows changed by the most recent INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// Whether the main database was opened read-only (for example because the file is write-protected).
    public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }
}
