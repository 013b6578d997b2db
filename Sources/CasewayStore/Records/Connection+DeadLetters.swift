import CSQLite

extension Connection {
    /// Records a case that no connector takes as a dead letter (reason `no_route`, connector
    /// `DeliveryRecord.noRouteConnector`), so that it is never lost and an operator sees it.
    @discardableResult
    public func insertNoRouteDeadLetter(id: RecordID, caseID: RecordID, now: Timestamp) throws -> DeliveryRecord {
        let inserted = try queryFirst("""
            INSERT INTO deliveries (id, case_id, connector, sequence, state, due_at, attempt_count,
                                    created_at, updated_at, last_error, dead_reason)
            VALUES (?1, ?2, ?3,
                    (SELECT coalesce(max(sequence), 0) + 1 FROM deliveries WHERE case_id = ?2 AND connector = ?3),
                    'dead', ?4, 0, ?4, ?4, 'no connector takes this case', ?5)
            RETURNING \(DeliveryRecord.columns)
            """, id, caseID, DeliveryRecord.noRouteConnector, now, DeadLetterReason.noRoute.rawValue) { try DeliveryRecord(row: $0) }
        guard let inserted else {
            throw SQLiteError(code: SQLITE_ERROR, message: "INSERT … RETURNING returned no row", sql: "INSERT INTO deliveries", path: path)
        }
        return inserted
    }

    /// Open dead letters (not replayed or discarded) matching `filter`, oldest first by (updated_at, id),
    /// starting after `cursor`; at most `limit`.
    ///
    /// The next page starts after `DeadLetterCursor(after: page.last)`. Dead letters that arrive
    /// meanwhile sort after every earlier page, so none is skipped or shown twice.
    public func deadLetters(filter: DeadLetterFilter = DeadLetterFilter(), after cursor: DeadLetterCursor? = nil,
                            limit: Int = 100) throws -> [DeliveryRecord] {
        guard limit > 0 else { return [] }
        // Without a cursor, start before every row: one range condition for first and later pages.
        let afterTime = cursor?.updatedAt.millisecondsSinceEpoch ?? Int64.min
        let afterID = cursor?.id.text ?? ""
        let sql = Self.deadLetterListSQL(byConnector: filter.connector != nil, byCase: filter.caseID != nil)
        return try query(sql, afterTime, afterID, filter.reason?.rawValue, filter.connector, filter.caseID, limit) { try DeliveryRecord(row: $0) }
    }

    /// The dead-letter list's query: parameters ?1 updated_at and ?2 id to start after, ?3 reason,
    /// ?4 connector, ?5 case id, ?6 limit. A plain equality where a filter is given lets the planner
    /// seek the index for it (deliveries_dead_by_connector, or the case's unique index); "?n IS NULL"
    /// where it is not keeps the parameters numbered alike. Four static texts, each prepared once.
    static func deadLetterListSQL(byConnector: Bool, byCase: Bool) -> String {
        """
        SELECT \(DeliveryRecord.columns) FROM deliveries
        WHERE state = 'dead' AND resolution IS NULL
          AND (updated_at, id) > (?1, ?2)
          AND (?3 IS NULL OR dead_reason = ?3)
          AND \(byConnector ? "connector = ?4" : "?4 IS NULL") AND \(byCase ? "case_id = ?5" : "?5 IS NULL")
        ORDER BY updated_at, id
        LIMIT ?6
        """
    }

    /// Replays the dead letter `id`: marks it replayed and adds a pending delivery, due `now`, of the
    /// same case (and update) with `replay_of` = `id`, after the case's earlier deliveries to the
    /// connector. One transaction (a savepoint inside a store write). Nil when `id` is not an open
    /// dead letter.
    ///
    /// `connector` is for a `no_route` dead letter, which has none: the connector that takes the case
    /// now. Such a dead letter may fan out to several connectors: calls with the same `now` (one
    /// routing decision, made in one write) each add a delivery, to a connector not yet used; the
    /// resolution is set by the first. Any other dead letter replays to its own connector.
    @discardableResult
    public func replayDeadLetter(id: RecordID, newID: RecordID, connector: String? = nil, now: Timestamp) throws -> DeliveryRecord? {
        try transaction { () throws -> DeliveryRecord? in
            guard let dead = try delivery(id: id), dead.state == .dead else { return nil }
            let target: String
            if dead.connector == DeliveryRecord.noRouteConnector {
                guard let connector, connector != DeliveryRecord.noRouteConnector else {
                    throw SQLiteError(code: SQLITE_MISUSE, message: "a no_route dead letter is replayed to a connector; none given",
                                      sql: nil, path: path)
                }
                target = connector
            } else {
                guard connector == nil || connector == dead.connector else {
                    throw SQLiteError(code: SQLITE_MISUSE, message: "a dead letter of \(dead.connector) is replayed to its own connector",
                                      sql: nil, path: path)
                }
                target = dead.connector
            }
            switch dead.resolution {
            case nil:
                try run("""
                    UPDATE deliveries SET resolution = 'replayed', resolved_at = ?2, updated_at = ?2
                    WHERE id = ?1 AND state = 'dead' AND resolution IS NULL
                    """, id, now)
            case .replayed where dead.connector == DeliveryRecord.noRouteConnector && dead.resolvedAt == now:
                if try deliveries(replayOf: id).contains(where: { $0.connector == target }) { return nil }
            default:
                return nil
            }
            return try insertDelivery(id: newID, caseID: dead.caseID, updateID: dead.updateID, connector: target,
                                      dueAt: now, now: now, replayOf: id)
        }
    }

    /// Discards the open dead letter `id`: it leaves the list and stays in the store as history.
    /// False when `id` is not an open dead letter.
    @discardableResult
    public func discardDeadLetter(id: RecordID, now: Timestamp) throws -> Bool {
        try run("""
            UPDATE deliveries SET resolution = 'discarded', resolved_at = ?2, updated_at = ?2
            WHERE id = ?1 AND state = 'dead' AND resolution IS NULL
            """, id, now) == 1
    }
}
