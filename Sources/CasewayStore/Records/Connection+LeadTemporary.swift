// TEMPORARY (lead): the dead-letters branch brings these for real; delete this file at merge.
extension Connection {
    public func rescheduleDelivery(id: RecordID, owner: String, dueAt: Timestamp, error: String?, payload: [UInt8]?,
                                   payloadContentType: String?, now: Timestamp) throws -> Bool {
        try rescheduleDelivery(id: id, owner: owner, dueAt: dueAt, error: error, now: now)
    }

    public func deadLetterDelivery(id: RecordID, owner: String?, reason: String, error: String?, payload: [UInt8]?,
                                   payloadContentType: String?, now: Timestamp) throws -> Bool {
        try deadLetterDelivery(id: id, owner: owner, reason: reason, error: error, now: now)
    }

    public func nextDueAt(connector: String) throws -> Timestamp? {
        try queryFirst("SELECT min(due_at) FROM deliveries WHERE connector = ? AND state IN ('pending', 'leased')", connector) {
            $0.column(0)
        } ?? nil
    }
}

extension Connection {
    public func insertNoRouteDeadLetter(id: RecordID, caseID: RecordID, now: Timestamp) throws -> DeliveryRecord {
        let record = try insertDelivery(id: id, caseID: caseID, connector: "(none)", dueAt: now, now: now)
        try deadLetterDelivery(id: id, owner: nil, reason: "no_route", error: "no connector takes this case", now: now)
        return try delivery(id: record.id) ?? record
    }
}
