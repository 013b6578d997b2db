import CSQLite

/// A prepared statement: typed parameter binds, stepping, and typed column reads.
///
/// Parameter indexes start at 1 and column indexes at 0, as in SQLite.
public final class Statement {
    /// The SQL text the statement was prepared from.
    public let sql: String
    let handle: OpaquePointer
    /// The connection's handle, not the connection: the connection caches its statements, and a
    /// reference back would keep it open forever. sqlite3_close_v2 keeps the handle valid until the
    /// last statement is finalized, so a statement outliving its connection stays safe.
    private let database: OpaquePointer
    /// The database file, for error messages.
    let path: String
    var isInUse = false

    init(connection: Connection, sql: String, persistent: Bool) throws {
        var statement: OpaquePointer?
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let result = sqlite3_prepare_v3(connection.handle, sql, -1, flags, &statement, nil)
        try connection.check(result, sql: sql)
        guard let statement else {
            // Only whitespace or a comment: SQLite returns OK and no statement.
            throw SQLiteError(code: SQLITE_MISUSE, message: "no SQL statement in the text", sql: sql, path: connection.path)
        }
        self.sql = sql
        self.handle = statement
        self.database = connection.handle
        self.path = connection.path
    }

    deinit {
        sqlite3_finalize(handle)
    }

    @inline(__always)
    private func check(_ result: Int32, sql: String) throws(SQLiteError) {
        if result != SQLITE_OK { throw SQLiteError(resultCode: result, database: database, sql: sql, path: path) }
    }

    // MARK: Binding

    /// Binds `value` to the parameter at `index`.
    public func bind<Value: SQLBindable>(_ value: Value, at index: Int32) throws {
        try value.bind(to: self, at: index)
    }

    /// Binds `values` to the parameters 1, 2, 3, ... in order.
    public func bind(_ values: [any SQLBindable]) throws {
        var index: Int32 = 1
        for value in values {
            try value.bind(to: self, at: index)
            index += 1
        }
    }

    /// Binds a 64-bit integer.
    public func bind(_ value: Int64, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, value), sql: sql)
    }

    /// Binds a double.
    public func bind(_ value: Double, at index: Int32) throws {
        try check(sqlite3_bind_double(handle, index, value), sql: sql)
    }

    /// Binds UTF-8 text.
    public func bind(_ value: String, at index: Int32) throws {
        var text = value
        let result = text.withUTF8 { bytes -> Int32 in
            // SQLite copies the bytes (SQLITE_TRANSIENT): the buffer is only valid inside this closure.
            // A null pointer would bind NULL; an empty string must stay an empty string.
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text64(handle, index, "", 0, caseway_sqlite_transient(), UInt8(SQLITE_UTF8))
            }
            let characters = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            return sqlite3_bind_text64(handle, index, characters, sqlite3_uint64(bytes.count),
                                       caseway_sqlite_transient(), UInt8(SQLITE_UTF8))
        }
        try check(result, sql: sql)
    }

    /// Binds a blob.
    public func bind(_ value: [UInt8], at index: Int32) throws {
        let result = value.withUnsafeBytes { bytes -> Int32 in
            // A null pointer would bind NULL; an empty blob is a zero-length blob.
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return sqlite3_bind_zeroblob(handle, index, 0) }
            return sqlite3_bind_blob64(handle, index, base, sqlite3_uint64(bytes.count), caseway_sqlite_transient())
        }
        try check(result, sql: sql)
    }

    /// Binds NULL.
    public func bindNull(at index: Int32) throws {
        try check(sqlite3_bind_null(handle, index), sql: sql)
    }

    // MARK: Stepping

    /// Advances to the next row: true when a row is ready, false when the statement has finished.
    public func step() throws -> Bool {
        let result = sqlite3_step(handle)
        if result == SQLITE_ROW { return true }
        if result == SQLITE_DONE { return false }
        throw SQLiteError(resultCode: result, database: database, sql: sql, path: path)
    }

    /// Steps until the statement has finished, ignoring any rows.
    public func run() throws {
        while try step() {}
    }

    /// Rewinds the statement and clears its bindings so that it can run again.
    public func reset() {
        // sqlite3_reset repeats the error of the last step, which step() has already thrown;
        // clear_bindings cannot fail. Neither result carries new information.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: Columns

    /// The number of columns in each result row.
    public var columnCount: Int32 { sqlite3_column_count(handle) }

    /// Reads the column at `index` of the current row as `Value`.
    public func column<Value: SQLColumnValue>(_ index: Int32, as type: Value.Type = Value.self) -> Value {
        Value.read(from: self, at: index)
    }

    /// Whether the column at `index` of the current row is NULL.
    public func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    /// The column at `index` as a 64-bit integer (NULL reads as 0).
    public func int64(_ index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    /// The column at `index` as a double (NULL reads as 0).
    public func double(_ index: Int32) -> Double {
        sqlite3_column_double(handle, index)
    }

    /// The column at `index` as text (NULL reads as the empty string).
    public func string(_ index: Int32) -> String {
        // The pointer first, then the length: that is the order SQLite documents as safe.
        guard let text = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// The column at `index` as bytes (NULL reads as empty).
    public func blob(_ index: Int32) -> [UInt8] {
        guard let bytes = sqlite3_column_blob(handle, index) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, index))
        return [UInt8](UnsafeRawBufferPointer(start: bytes, count: count))
    }
}
