extension Connection {
    /// Records one attempt of a delivery.
    public func insertAttempt(_ attempt: AttemptRecord) throws {
        try run("""
            INSERT INTO attempts (id, delivery_id, started_at, duration_ms, outcome, http_status, error, reference)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, attempt.id, attempt.deliveryID, attempt.startedAt, attempt.durationMilliseconds,
                attempt.outcome.rawValue, attempt.httpStatus, attempt.error, attempt.reference)
    }

    /// A delivery's attempts, oldest first.
    public func attempts(deliveryID: RecordID) throws -> [AttemptRecord] {
        try query("SELECT \(AttemptRecord.columns) FROM attempts WHERE delivery_id = ? ORDER BY started_at, id",
                  deliveryID) { try AttemptRecord(row: $0) }
    }
}
