extension Connection {
    /// Returns the deliveries of `connectors` leased by anyone but `owner` to pending, due at once.
    ///
    /// A hub calls this as it starts: with one hub per store, leases held by another owner belong to a
    /// process that died (kill -9, power loss), so its work can resume now instead of when the leases run
    /// out. Queue connectors are left out by the caller: a consumer's lease is its visibility timeout and
    /// must be honoured across restarts. Returns how many were released.
    @discardableResult
    public func releaseLeases(connectors: [String], exceptOwner owner: String, now: Timestamp) throws -> Int {
        var released = 0
        for connector in connectors {
            released += try run("""
                UPDATE deliveries
                SET state = 'pending', lease_owner = NULL, lease_until = NULL, due_at = ?3, updated_at = ?3
                WHERE connector = ?1 AND state = 'leased' AND lease_owner <> ?2
                """, connector, owner, now)
        }
        return released
    }
}

extension Connection {
    /// `claimDueDeliveries` with each delivery's case read in the same transaction, so a worker needs no
    /// read of its own per delivery. A delivery whose case is missing comes with nil (the worker dead-letters it).
    public func claimDueDeliveriesWithCases(
        connector: String, now: Timestamp, leaseDuration: Duration, owner: String, limit: Int
    ) throws -> [(delivery: DeliveryRecord, record: CaseRecord?)] {
        let claimed = try claimDueDeliveries(
            connector: connector, now: now, leaseDuration: leaseDuration, owner: owner, limit: limit)
        var cases: [RecordID: CaseRecord] = [:]
        return try claimed.map { delivery in
            if cases[delivery.caseID] == nil, let record = try fetchCase(id: delivery.caseID) { cases[delivery.caseID] = record }
            return (delivery, cases[delivery.caseID])
        }
    }
}
