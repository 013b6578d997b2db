extension Connection {
    /// Inserts a case and, when given, the client's idempotency key for it.
    ///
    /// A key the client has already used fails with `SQLITE_CONSTRAINT_PRIMARYKEY`; look it up first
    /// with `idempotencyKey(client:key:)` in the same write to answer a retry with the first case.
    public func insertCase(_ record: CaseRecord, idempotencyKey key: String? = nil) throws {
        try run("""
            INSERT INTO cases (id, received_at, client, content_type, sender_reference, body, body_sha256)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, record.id, record.receivedAt, record.client, record.contentType, record.senderReference,
                record.body, record.bodySHA256)
        if let key {
            try run("""
                INSERT INTO idempotency_keys (client, key, body_sha256, case_id, created_at) VALUES (?, ?, ?, ?, ?)
                """, record.client, key, record.bodySHA256, record.id, record.receivedAt)
        }
    }

    /// The case with `id`; nil when there is none.
    public func fetchCase(id: RecordID) throws -> CaseRecord? {
        try queryFirst("""
            SELECT id, received_at, client, content_type, sender_reference, body, body_sha256 FROM cases WHERE id = ?
            """, id) { row in
            CaseRecord(id: row.column(0), receivedAt: row.column(1), client: row.column(2), contentType: row.column(3),
                       senderReference: row.column(4), body: row.column(5), bodySHA256: row.column(6))
        }
    }

    /// The case a client's idempotency key points to, with the body hash first submitted; nil when the key is new.
    public func idempotencyKey(client: String, key: String) throws -> IdempotencyKeyRecord? {
        try queryFirst("""
            SELECT client, key, body_sha256, case_id, created_at FROM idempotency_keys WHERE client = ? AND key = ?
            """, client, key) { row in
            IdempotencyKeyRecord(client: row.column(0), key: row.column(1), bodySHA256: row.column(2),
                                 caseID: row.column(3), createdAt: row.column(4))
        }
    }
}
