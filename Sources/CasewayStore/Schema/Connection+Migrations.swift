extension Connection {
    /// The schema version of the open database (`PRAGMA user_version`; 0 for a new file).
    public func schemaVersion() throws -> Int {
        try scalar("PRAGMA user_version", as: Int.self) ?? 0
    }

    /// The application id of the open database (`PRAGMA application_id`; 0 when never set).
    public func applicationID() throws -> Int32 {
        Int32(truncatingIfNeeded: try scalar("PRAGMA application_id", as: Int64.self) ?? 0)
    }

    /// Applies each migration newer than the database's schema, in order, each in its own transaction
    /// together with the bump of `PRAGMA user_version`; returns the versions applied.
    @discardableResult
    public func migrate(_ migrations: [Migration] = Schema.migrations) throws -> [Int] {
        var applied: [Int] = []
        for migration in migrations {
            let ran = try transaction(.immediate) { () throws -> Bool in
                // Read inside the write transaction: another process may have migrated meanwhile.
                guard try schemaVersion() < migration.version else { return false }
                try execute(script: migration.script)
                // PRAGMA values cannot be bound; both are integers formatted here, not input.
                try execute(script: "PRAGMA user_version = \(migration.version)")
                try execute(script: "PRAGMA application_id = \(Schema.applicationID)")
                return true
            }
            if ran { applied.append(migration.version) }
        }
        return applied
    }
}
