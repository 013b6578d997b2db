extension Connection {
    /// Adds a pending delivery of a case (or of one of its updates) to `connector`, due at `dueAt`,
    /// placed after the case's earlier deliveries to that connector.
    @discardableResult
    public func insertDelivery(id: RecordID, caseID: RecordID, updateID: RecordID? = nil, connector: String,
                               dueAt: Timestamp, now: Timestamp, replayOf: RecordID? = nil) throws -> DeliveryRecord {
        let inserted = try queryFirst("""
            INSERT INTO deliveries (id, case_id, update_id, connector, sequence, state, due_at, attempt_count,
                                    created_at, updated_at, replay_of)
            VALUES (?1, ?2, ?3, ?4,
                    (SELECT coalesce(max(sequence), 0) + 1 FROM deliveries WHERE case_id = ?2 AND connector = ?4),
                    'pending', ?5, 0, ?6, ?6, ?7)
            RETURNING \(DeliveryRecord.columns)
            """, id, caseID, updateID, connector, dueAt, now, replayOf) { try DeliveryRecord(row: $0) }
        guard let inserted else {
            throw SQLiteError(code: 1, message: "INSERT … RETURNING returned no row", sql: "INSERT INTO deliveries", path: path)
        }
        return inserted
    }

    /// Claims up to `limit` due deliveries for `connector` with one lease for `owner` until `now + leaseDuration`.
    ///
    /// Due means pending with `due_at <= now`, or leased with an expired lease (how work resumes after a
    /// crash). A delivery is only claimed once every earlier delivery of the same case to the same
    /// connector is finished (delivered or dead), so that they happen in order. One statement:
    /// UPDATE … WHERE id IN (SELECT … ORDER BY due_at, id LIMIT ?) RETURNING. The claim counts as an attempt.
    public func claimDueDeliveries(connector: String, now: Timestamp, leaseDuration: Duration, owner: String,
                                   limit: Int) throws -> [DeliveryRecord] {
        guard limit > 0 else { return [] }
        let leaseUntil = now.advanced(by: leaseDuration)
        // A leased delivery's due_at is its lease_until, so "(pending and due_at <= now) or (leased and
        // lease_until <= now)" is "unfinished and due_at <= now", which the partial index deliveries_due
        // serves in due_at order; the scan stops after `limit` claimable rows.
        let claimed = try query("""
            UPDATE deliveries
            SET state = 'leased', lease_owner = ?1, lease_until = ?2, due_at = ?2,
                attempt_count = attempt_count + 1, updated_at = ?3
            WHERE id IN (
                \(Self.dueCandidates))
            RETURNING \(DeliveryRecord.columns)
            """, owner, leaseUntil, now, connector, limit) { try DeliveryRecord(row: $0) }
        // RETURNING gives no order; ids are time-ordered, so this is creation order.
        return claimed.sorted { $0.id < $1.id }
    }

    /// The ids of `connector`'s (?4) deliveries that may be claimed at ?3, at most ?5, oldest due first: due
    /// (pending, or leased with a lease run out), and every earlier delivery of the same case to the same
    /// connector finished. Shared by the workers' claim and the queues' receive, so both read the
    /// `deliveries_due` index and keep a case's deliveries in order.
    static let dueCandidates = """
        SELECT candidate.id FROM deliveries AS candidate
        WHERE candidate.connector = ?4
          AND candidate.state IN ('pending', 'leased')
          AND candidate.due_at <= ?3
          AND NOT EXISTS (
              SELECT 1 FROM deliveries AS earlier
              WHERE earlier.case_id = candidate.case_id
                AND earlier.connector = candidate.connector
                AND earlier.sequence < candidate.sequence
                AND earlier.state IN ('pending', 'leased'))
        ORDER BY candidate.due_at, candidate.id
        LIMIT ?5
        """

    /// Marks a leased delivery delivered; false when `owner` no longer holds its lease (it ran out and
    /// another worker claimed the delivery, which then delivers it again, harmlessly).
    @discardableResult
    public func completeDelivery(id: RecordID, owner: String, backofficeReference: String? = nil, now: Timestamp) throws -> Bool {
        try run("""
            UPDATE deliveries
            SET state = 'delivered', lease_owner = NULL, lease_until = NULL, last_error = NULL,
                backoffice_reference = ?3, updated_at = ?4
            WHERE id = ?1 AND state = 'leased' AND lease_owner = ?2
            """, id, owner, backofficeReference, now) == 1
    }

    /// Puts a leased delivery back to pending, due at `dueAt` (a retry, or a consumer's release);
    /// false when `owner` no longer holds its lease. A `payload` given (the mapped payload that
    /// failed) replaces the one kept, so that a later dead letter shows what was sent.
    @discardableResult
    public func rescheduleDelivery(id: RecordID, owner: String, dueAt: Timestamp, error: String?, now: Timestamp,
                                   payload: [UInt8]? = nil, payloadContentType: String? = nil) throws -> Bool {
        try run("""
            UPDATE deliveries
            SET state = 'pending', lease_owner = NULL, lease_until = NULL, due_at = ?3,
                last_error = coalesce(?4, last_error), updated_at = ?5,
                payload = coalesce(?6, payload),
                payload_content_type = CASE WHEN ?6 IS NULL THEN payload_content_type ELSE ?7 END
            WHERE id = ?1 AND state = 'leased' AND lease_owner = ?2
            """, id, owner, dueAt, error, now, payload, payloadContentType) == 1
    }

    /// Makes a delivery a dead letter with `reason`. With an `owner`, only while that owner holds its
    /// lease (a worker giving up); without one, whenever it is unfinished (routing or an operator).
    /// A `payload` given (the mapped payload of the last attempt) is kept with it. False when nothing changed.
    @discardableResult
    public func deadLetterDelivery(id: RecordID, owner: String?, reason: String, error: String?, now: Timestamp,
                                   payload: [UInt8]? = nil, payloadContentType: String? = nil) throws -> Bool {
        try run("""
            UPDATE deliveries
            SET state = 'dead', lease_owner = NULL, lease_until = NULL, dead_reason = ?3,
                last_error = coalesce(?4, last_error), updated_at = ?5,
                payload = coalesce(?6, payload),
                payload_content_type = CASE WHEN ?6 IS NULL THEN payload_content_type ELSE ?7 END
            WHERE id = ?1
              AND (state = 'leased' AND lease_owner = ?2 OR ?2 IS NULL AND state IN ('pending', 'leased'))
            """, id, owner, reason, error, now, payload, payloadContentType) == 1
    }

    /// `deadLetterDelivery` with one of the known reasons.
    @discardableResult
    public func deadLetterDelivery(id: RecordID, owner: String?, reason: DeadLetterReason, error: String?, now: Timestamp,
                                   payload: [UInt8]? = nil, payloadContentType: String? = nil) throws -> Bool {
        try deadLetterDelivery(id: id, owner: owner, reason: reason.rawValue, error: error, now: now,
                               payload: payload, payloadContentType: payloadContentType)
    }

    /// The earliest `due_at` of `connector`'s unfinished deliveries (when its worker next has work, or
    /// a lease runs out); nil when it has none. It may lie in the past: a due delivery can be waiting
    /// for an earlier delivery of its case. Served by the deliveries_due index, first row only.
    public func nextDueAt(connector: String) throws -> Timestamp? {
        try queryFirst(Self.nextDueSQL, connector) { $0.column(0) as Timestamp }
    }

    /// The query of `nextDueAt`; its plan is checked by a test.
    static let nextDueSQL = """
        SELECT due_at FROM deliveries
        WHERE connector = ?1 AND state IN ('pending', 'leased')
        ORDER BY due_at LIMIT 1
        """

    /// The delivery with `id`; nil when there is none.
    public func delivery(id: RecordID) throws -> DeliveryRecord? {
        try queryFirst("SELECT \(DeliveryRecord.columns) FROM deliveries WHERE id = ?", id) { try DeliveryRecord(row: $0) }
    }

    /// A case's deliveries, by connector and in sequence.
    public func deliveries(caseID: RecordID) throws -> [DeliveryRecord] {
        try query("SELECT \(DeliveryRecord.columns) FROM deliveries WHERE case_id = ? ORDER BY connector, sequence",
                  caseID) { try DeliveryRecord(row: $0) }
    }

    /// The deliveries that replay the dead letter `id`, oldest first.
    public func deliveries(replayOf id: RecordID) throws -> [DeliveryRecord] {
        try query("SELECT \(DeliveryRecord.columns) FROM deliveries WHERE replay_of = ? ORDER BY id",
                  id) { try DeliveryRecord(row: $0) }
    }
}
