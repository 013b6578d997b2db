extension Connection {
    /// Inserts an update at the end of the update feed and returns it with its `seq`.
    ///
    /// The same `senderUpdateID` from the same client fails with `SQLITE_CONSTRAINT_UNIQUE`; look it up
    /// first with `update(client:senderUpdateID:)` to answer a retry.
    public func insertUpdate(_ update: UpdateRecord) throws -> UpdateRecord {
        // Writes are serialised (one writer, BEGIN IMMEDIATE), so max + 1 cannot race; the UNIQUE index
        // on seq makes max() one index lookup.
        let inserted = try queryFirst("""
            INSERT INTO updates (id, seq, case_id, client, sender_update_id, status, external_status_code, description,
                                 updated_at, updated_at_ms, reference, received_at, body_sha256)
            VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM updates), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            RETURNING \(UpdateRecord.columns)
            """, update.id, update.caseID, update.client, update.senderUpdateID, update.status, update.externalStatusCode,
               update.description, update.updatedAt, update.updatedAtInstant, update.reference, update.receivedAt,
               update.bodySHA256) { UpdateRecord(row: $0) }
        guard let inserted else {
            throw SQLiteError(code: 1, message: "INSERT … RETURNING returned no row", sql: "INSERT INTO updates", path: path)
        }
        return inserted
    }

    /// The update a client sent with `senderUpdateID`; nil when there is none.
    public func update(client: String, senderUpdateID: String) throws -> UpdateRecord? {
        try queryFirst("SELECT \(UpdateRecord.columns) FROM updates WHERE client = ? AND sender_update_id = ?",
                       client, senderUpdateID) { UpdateRecord(row: $0) }
    }

    /// The update with the hub's id `id`; nil when there is none.
    public func update(id: RecordID) throws -> UpdateRecord? {
        try queryFirst("SELECT \(UpdateRecord.columns) FROM updates WHERE id = ?", id) { UpdateRecord(row: $0) }
    }

    /// A case's updates, in feed order.
    public func updates(caseID: RecordID) throws -> [UpdateRecord] {
        try query("SELECT \(UpdateRecord.columns) FROM updates WHERE case_id = ? ORDER BY seq", caseID) { UpdateRecord(row: $0) }
    }

    /// Up to `limit` updates after feed position `seq`, in feed order.
    public func updates(after seq: Int64, limit: Int) throws -> [UpdateRecord] {
        try query("SELECT \(UpdateRecord.columns) FROM updates WHERE seq > ? ORDER BY seq LIMIT ?", seq, limit) { UpdateRecord(row: $0) }
    }
}
