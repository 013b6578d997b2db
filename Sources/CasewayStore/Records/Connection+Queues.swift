extension Connection {
    /// Receives up to `limit` ready messages of queue connector `connector` for `consumer`, hidden from
    /// every other receive for `visibility`.
    ///
    /// Ready means what `claimDueDeliveries` claims: pending and due, or leased with an expired lease
    /// (a consumer that crashed or gave up), after every earlier delivery of the case to this connector
    /// is finished. One UPDATE … RETURNING sets each message's lease, a fresh random receipt (the
    /// lease owner) and its receive count (`attempt_count`). A message that had already been received
    /// `maxReceives` times becomes a dead letter `max_receives` instead, and the claim is repeated to fill
    /// the batch; call it inside a store write so that both happen in one transaction.
    public func receiveMessages(connector: String, consumer: String, now: Timestamp, visibility: Duration,
                                maxReceives: Int, limit: Int) throws -> (messages: [QueueMessageRecord], deadLettered: [DeliveryRecord]) {
        var messages: [QueueMessageRecord] = []
        var deadLettered: [DeliveryRecord] = []
        var cases: [RecordID: CaseRecord] = [:]
        let leaseUntil = now.advanced(by: visibility)
        while messages.count < limit {
            // Same candidates and order as claimDueDeliveries (and so the same index and per-case order);
            // randomblob is evaluated per row, so each message gets its own receipt.
            let claimed = try query("""
                UPDATE deliveries
                SET state = 'leased', lease_owner = ?1 || lower(hex(randomblob(16))), lease_until = ?2, due_at = ?2,
                    attempt_count = attempt_count + 1, updated_at = ?3
                WHERE id IN (
                    \(Self.dueCandidates))
                RETURNING \(DeliveryRecord.columns)
                """, QueueReceipt.leaseOwner(consumer: consumer, token: ""), leaseUntil, now, connector,
                limit - messages.count) { try DeliveryRecord(row: $0) }
            if claimed.isEmpty { break }
            for delivery in claimed.sorted(by: { $0.id < $1.id }) {
                guard delivery.attemptCount <= maxReceives else {
                    // Received maxReceives times and never acked: the consumers cannot finish it, so it
                    // stops going round. The count is put back to the receives that really happened.
                    let dead = try queryFirst("""
                        UPDATE deliveries
                        SET state = 'dead', lease_owner = NULL, lease_until = NULL, attempt_count = attempt_count - 1,
                            dead_reason = ?2, last_error = ?3, updated_at = ?4
                        WHERE id = ?1
                        RETURNING \(DeliveryRecord.columns)
                        """, delivery.id, DeadLetterReason.maxReceives.rawValue,
                        "received \(delivery.attemptCount - 1) times without an ack (max_receives \(maxReceives))",
                        now) { try DeliveryRecord(row: $0) }
                    if let dead { deadLettered.append(dead) }
                    continue
                }
                guard let receipt = QueueReceipt(leased: delivery) else { continue }
                if cases[delivery.caseID] == nil, let record = try fetchCase(id: delivery.caseID) { cases[delivery.caseID] = record }
                messages.append(QueueMessageRecord(delivery: delivery, caseRecord: cases[delivery.caseID], receipt: receipt))
            }
        }
        return (messages, deadLettered)
    }

    /// The earliest time after `now` at which a message of `connector` becomes ready by itself (a lease
    /// running out, a release's delay ending); nil when none will. Ready messages blocked by an earlier
    /// delivery of their case are left out: they wait for an ack, which wakes pollers anyway.
    public func nextReadyAt(connector: String, after now: Timestamp) throws -> Timestamp? {
        try queryFirst("""
            SELECT due_at FROM deliveries
            WHERE connector = ?1 AND state IN ('pending', 'leased') AND due_at > ?2
            ORDER BY due_at LIMIT 1
            """, connector, now) { $0.column(0) as Timestamp }
    }

    /// Acks the message with `receipt`: delivered, while `consumer`'s lease under that receipt holds.
    public func acknowledgeMessage(connector: String, receipt: QueueReceipt, consumer: String, now: Timestamp) throws -> QueueSettlement {
        try settleMessage(connector: connector, receipt: receipt, consumer: consumer, now: now) { owner in
            try run("""
                UPDATE deliveries
                SET state = 'delivered', lease_owner = NULL, lease_until = NULL, last_error = NULL, updated_at = ?3
                WHERE id = ?1 AND state = 'leased' AND lease_owner = ?2
                """, receipt.deliveryID, owner, now)
        }
    }

    /// Returns the message with `receipt` to the queue, ready again at `dueAt`; its receive count stays.
    public func releaseMessage(connector: String, receipt: QueueReceipt, consumer: String, dueAt: Timestamp,
                               now: Timestamp) throws -> QueueSettlement {
        try settleMessage(connector: connector, receipt: receipt, consumer: consumer, now: now) { owner in
            try run("""
                UPDATE deliveries
                SET state = 'pending', lease_owner = NULL, lease_until = NULL, due_at = ?3, updated_at = ?4
                WHERE id = ?1 AND state = 'leased' AND lease_owner = ?2
                """, receipt.deliveryID, owner, dueAt, now)
        }
    }

    /// Makes the message with `receipt` a dead letter `rejected`, with `error` (the consumer's code and reason).
    public func rejectMessage(connector: String, receipt: QueueReceipt, consumer: String, error: String,
                              now: Timestamp) throws -> QueueSettlement {
        try settleMessage(connector: connector, receipt: receipt, consumer: consumer, now: now) { owner in
            try run("""
                UPDATE deliveries
                SET state = 'dead', lease_owner = NULL, lease_until = NULL, dead_reason = ?3, last_error = ?4, updated_at = ?5
                WHERE id = ?1 AND state = 'leased' AND lease_owner = ?2
                """, receipt.deliveryID, owner, DeadLetterReason.rejected.rawValue, error, now)
        }
    }

    /// Checks that `receipt` is `consumer`'s live lease on a message of `connector`, then runs `change`
    /// (an UPDATE guarded by the lease owner, given to it) and says what came of it.
    private func settleMessage(connector: String, receipt: QueueReceipt, consumer: String, now: Timestamp,
                               change: (String) throws -> Int) throws -> QueueSettlement {
        guard let delivery = try delivery(id: receipt.deliveryID), delivery.connector == connector else { return .unknown }
        let owner = QueueReceipt.leaseOwner(consumer: consumer, token: receipt.token)
        guard delivery.state == .leased, let leaseOwner = delivery.leaseOwner, let leaseUntil = delivery.leaseUntil else {
            return .stale(delivery.state)
        }
        if leaseOwner != owner {
            // Another client's live receipt is not revealed to exist; an earlier receipt of our own is stale.
            return leaseOwner.hasSuffix(":" + receipt.token) ? .unknown : .stale(delivery.state)
        }
        guard leaseUntil > now else { return .leaseExpired }
        return try change(owner) == 1 ? .settled : .stale(delivery.state)
    }
}
