import CSQLite

/// An error reported by SQLite: the extended result code and its name, SQLite's message, the SQL and the file.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The extended result code, for example 2067 (`SQLITE_CONSTRAINT_UNIQUE`).
    public let code: Int32
    /// SQLite's own explanation, for example `UNIQUE constraint failed: cases.id`.
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?
    /// The database file the connection had open.
    public let path: String

    /// Creates an error from its parts.
    public init(code: Int32, message: String, sql: String?, path: String) {
        self.code = code
        self.message = message
        self.sql = sql
        self.path = path
    }

    /// Captures the error `resultCode` just returned by a call on `database`.
    ///
    /// This is the one place where a failed sqlite3 call becomes a Swift error. SQLite's message
    /// describes the connection's most recent error, which is only this one when the codes agree;
    /// otherwise (calls that do not set the message) the generic text for the code is used.
    init(resultCode: Int32, database: OpaquePointer?, sql: String?, path: String) {
        var code = resultCode
        var message: String
        if let database, sqlite3_errcode(database) & 0xff == resultCode & 0xff {
            code = sqlite3_extended_errcode(database)
            message = String(cString: sqlite3_errmsg(database))
        } else {
            message = String(cString: sqlite3_errstr(resultCode))
        }
        if message.isEmpty { message = String(cString: sqlite3_errstr(code)) }
        self.init(code: code, message: message, sql: sql, path: path)
    }

    /// The primary result code (the low byte), for example 19 (`SQLITE_CONSTRAINT`).
    public var primaryCode: Int32 { code & 0xff }

    /// The name of the extended result code, for example `SQLITE_CONSTRAINT_UNIQUE`.
    public var codeName: String { SQLiteError.name(ofResultCode: code) }

    /// Whether a UNIQUE or PRIMARY KEY constraint failed.
    public var isUniqueViolation: Bool {
        code == SQLiteError.constraintUnique || code == SQLiteError.constraintPrimaryKey
    }

    /// One line: file, code name, message and the statement.
    public var description: String {
        var line = "\(path): \(codeName): \(message)"
        if let sql {
            // Migrations and claim queries span lines; an error message must stay on one.
            let flat = sql.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\t" }).joined(separator: " ")
            line += " (in: \(flat))"
        }
        return line
    }
}
