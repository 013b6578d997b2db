import CSQLite

extension Connection {
    /// Opens the store file for the writer: WAL, foreign keys, busy timeout; checks that the file is a
    /// healthy Caseway store of a schema this build knows, then migrates it (with synchronous=FULL). It is
    /// left with synchronous=NORMAL: the group-commit writer syncs the WAL itself after each commit that
    /// must be on disk (`WriteDurability`).
    ///
    /// Every problem becomes a one-line `StoreError` naming the file and what to do.
    static func openStoreWriter(file: String, configuration: Store.Configuration) throws(StoreError) -> Connection {
        let connection = try open(file: file, create: true)
        do {
            if connection.isReadOnly { throw StoreError.fileNotWritable(file) }
            try connection.setBusyTimeout(milliseconds: configuration.busyTimeoutMilliseconds)
            // The first statement that reads the file: an SQLite error here means it is not a database.
            let mode = try connection.scalar("PRAGMA journal_mode = WAL", as: String.self)
            guard mode?.lowercased() == "wal" else {
                throw SQLiteError(code: SQLITE_ERROR, message: "journal_mode is \(mode ?? "unknown"), WAL could not be enabled",
                                  sql: "PRAGMA journal_mode = WAL", path: file)
            }
            try connection.execute(script: """
                PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;
                PRAGMA wal_autocheckpoint = \(configuration.walAutocheckpointPages);
                """)
            try connection.checkIdentity(file: file)
            if configuration.checkIntegrityOnOpen { try connection.checkQuickIntegrity(file: file) }
        } catch let error as StoreError {
            throw error
        } catch let error as SQLiteError {
            throw storeError(for: error, file: file)
        } catch {
            throw .cannotOpen(file, SQLiteError(code: SQLITE_ERROR, message: "\(error)", sql: nil, path: file))
        }
        do {
            try connection.migrate(Schema.migrations)
        } catch let error as SQLiteError {
            if [SQLITE_NOTADB, SQLITE_CORRUPT].contains(error.primaryCode) { throw storeError(for: error, file: file) }
            let target = (try? connection.schemaVersion()).map { $0 + 1 } ?? Schema.latestVersion
            throw .migrationFailed(file, version: target, error)
        } catch {
            throw .migrationFailed(file, version: Schema.latestVersion,
                                   SQLiteError(code: SQLITE_ERROR, message: "\(error)", sql: nil, path: file))
        }
        do {
            try connection.execute(script: "PRAGMA synchronous = NORMAL;")
        } catch let error as SQLiteError {
            throw storeError(for: error, file: file)
        } catch {
            throw .cannotOpen(file, SQLiteError(code: SQLITE_ERROR, message: "\(error)", sql: "PRAGMA synchronous = NORMAL", path: file))
        }
        return connection
    }

    /// Opens a reader on a store the writer has already opened and migrated; it cannot write.
    static func openStoreReader(file: String, configuration: Store.Configuration) throws(StoreError) -> Connection {
        let connection = try open(file: file, create: false)
        do {
            try connection.setBusyTimeout(milliseconds: configuration.busyTimeoutMilliseconds)
            try connection.execute(script: "PRAGMA foreign_keys = ON; PRAGMA query_only = ON;")
        } catch let error as SQLiteError {
            throw storeError(for: error, file: file)
        } catch {
            throw .cannotOpen(file, SQLiteError(code: SQLITE_ERROR, message: "\(error)", sql: nil, path: file))
        }
        return connection
    }

    private static func open(file: String, create: Bool) throws(StoreError) -> Connection {
        do {
            return try Connection(path: file, create: create)
        } catch let error as SQLiteError {
            throw storeError(for: error, file: file)
        } catch {
            throw .cannotOpen(file, SQLiteError(code: SQLITE_CANTOPEN, message: "\(error)", sql: nil, path: file))
        }
    }

    private static func storeError(for error: SQLiteError, file: String) -> StoreError {
        switch error.primaryCode {
        case SQLITE_NOTADB, SQLITE_CORRUPT: .corrupt(file, error.message)
        case SQLITE_READONLY: .fileNotWritable(file)
        default: .cannotOpen(file, error)
        }
    }

    /// A new file (no schema, no tables), or a Caseway store of a schema this build knows.
    private func checkIdentity(file: String) throws {
        let application = try applicationID()
        let version = try schemaVersion()
        if application != 0 && application != Schema.applicationID {
            throw StoreError.corrupt(file, "another application's database, application_id \(application)")
        }
        if application == 0 && version == 0 {
            // Never migrated: it must be empty, or it is somebody else's SQLite file.
            let tables = try scalar("SELECT count(*) FROM sqlite_schema", as: Int.self) ?? 0
            if tables > 0 { throw StoreError.corrupt(file, "an SQLite database without Caseway's schema") }
        }
        if version > Schema.latestVersion {
            throw StoreError.newerSchema(file, found: version, known: Schema.latestVersion)
        }
    }

    /// `PRAGMA quick_check`: reads every page once (not the cross-checks of integrity_check).
    private func checkQuickIntegrity(file: String) throws {
        let result = try scalar("PRAGMA quick_check(1)", as: String.self) ?? "no result"
        guard result == "ok" else {
            let findings = result.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("*** in database") }
            throw StoreError.corrupt(file, "quick_check: \(findings.joined(separator: "; "))")
        }
    }
}
