extension Connection {
    /// Every connector's backlog at `now`, by name: each connector with unfinished deliveries or open dead
    /// letters (a connector with neither is absent).
    ///
    /// Both queries read only a partial index (`deliveries_due`, `deliveries_dead_by_connector`): their
    /// columns answer them, so no table row is visited.
    public func connectorBacklogs(now: Timestamp) throws -> [String: ConnectorBacklog] {
        var backlogs: [String: ConnectorBacklog] = [:]
        let unfinished = try query("""
            SELECT connector, count(*), sum(due_at <= ?1), min(CASE WHEN due_at <= ?1 THEN due_at END)
            FROM deliveries INDEXED BY deliveries_due
            WHERE state IN ('pending', 'leased')
            GROUP BY connector
            """, now) { row -> ConnectorBacklog in
            let oldest: Int64? = row.column(3)
            return ConnectorBacklog(
                connector: row.column(0), unfinished: row.column(1), overdue: row.column(2),
                oldestOverdueSince: oldest.map(Timestamp.init(millisecondsSinceEpoch:)))
        }
        for backlog in unfinished { backlogs[backlog.connector] = backlog }
        let dead = try query("""
            SELECT connector, count(*) FROM deliveries INDEXED BY deliveries_dead_by_connector
            WHERE state = 'dead' AND resolution IS NULL
            GROUP BY connector
            """) { row -> (String, Int) in (row.column(0), row.column(1)) }
        for (connector, count) in dead {
            backlogs[connector, default: ConnectorBacklog(connector: connector)].openDeadLetters = count
        }
        return backlogs
    }
}
