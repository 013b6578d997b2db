import CSQLite

extension Connection {
    /// Syncs the journal (the WAL) to disk: after a commit under `synchronous=NORMAL`, this is the sync that
    /// `synchronous=FULL` would have made inside the commit.
    func syncJournal() throws(SQLiteError) {
        let result = caseway_sqlite_sync_journal(handle)
        guard result == SQLITE_OK else {
            throw SQLiteError(resultCode: result, database: nil, sql: "fdatasync of the write-ahead log", path: path)
        }
    }
}
