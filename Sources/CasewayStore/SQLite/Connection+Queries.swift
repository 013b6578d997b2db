import CSQLite

extension Connection {
    /// Runs one statement with `bindings` (parameters 1, 2, ...), ignoring any rows; returns the number of rows changed.
    @discardableResult
    public func run(_ sql: String, _ bindings: any SQLBindable...) throws -> Int {
        try withStatement(sql) { statement in
            try statement.bind(bindings)
            try statement.run()
        }
        return changes
    }

    /// Runs one query with `bindings` and maps every row with `row`.
    public func query<Row>(_ sql: String, _ bindings: any SQLBindable..., row: (Statement) throws -> Row) throws -> [Row] {
        try withStatement(sql) { statement in
            try statement.bind(bindings)
            var rows: [Row] = []
            while try statement.step() { rows.append(try row(statement)) }
            return rows
        }
    }

    /// Runs one query with `bindings` and maps its first row with `row`; nil when there is none.
    public func queryFirst<Row>(_ sql: String, _ bindings: any SQLBindable..., row: (Statement) throws -> Row) throws -> Row? {
        try withStatement(sql) { statement in
            try statement.bind(bindings)
            return try statement.step() ? try row(statement) : nil
        }
    }

    /// Runs one query with `bindings` and returns the first column of its first row; nil when there is no row.
    public func scalar<Value: SQLColumnValue>(_ sql: String, _ bindings: any SQLBindable..., as type: Value.Type = Value.self) throws -> Value? {
        try withStatement(sql) { statement in
            try statement.bind(bindings)
            return try statement.step() ? statement.column(0, as: Value.self) : nil
        }
    }

    /// Runs a script of several statements without parameters, one after the other (migrations).
    ///
    /// The statements are not cached; an error names the statement of the script that failed.
    public func execute(script: String) throws {
        try script.withCString { start in
            var cursor: UnsafePointer<CChar>? = start
            while var current = cursor {
                // Leading whitespace would otherwise start the SQL quoted in an error.
                while current.pointee == 0x20 || (0x09...0x0d).contains(current.pointee) { current += 1 }
                guard current.pointee != 0 else { break }
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                try check(sqlite3_prepare_v2(handle, current, -1, &statement, &tail), sql: String(cString: current))
                cursor = tail
                // Only whitespace or comments were left: nothing to run.
                guard let statement else { continue }
                defer { sqlite3_finalize(statement) }
                var result = sqlite3_step(statement)
                while result == SQLITE_ROW { result = sqlite3_step(statement) }
                if result != SQLITE_DONE {
                    throw error(result, sql: String(cString: sqlite3_sql(statement)))
                }
            }
        }
    }
}
