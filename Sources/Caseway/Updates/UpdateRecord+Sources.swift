import CasewayStore

extension UpdateRecord {
    /// The update's fields as checked, stored for `client` on case `caseID`, received `now`.
    init(_ checked: CheckedUpdate, id: RecordID, caseID: RecordID, client: String, now: Timestamp) {
        self.init(
            id: id, caseID: caseID, client: client, senderUpdateID: checked.updateID, status: checked.status.rawValue,
            externalStatusCode: checked.externalStatusCode, description: checked.description, updatedAt: checked.updatedAt,
            updatedAtInstant: checked.updatedAtInstant, reference: checked.reference, receivedAt: now,
            bodySHA256: checked.fingerprint)
    }

    /// The prefix of the client of an update that a connector's answer produced (`connector:county-highways`).
    /// Client names cannot hold a ":", so such an update is never taken for one a client of caseway.json5 sent.
    static let connectorClientPrefix = "connector:"

    /// The connector whose answer produced this update; nil for an update a client sent.
    var producingConnector: String? {
        client.hasPrefix(Self.connectorClientPrefix) ? String(client.dropFirst(Self.connectorClientPrefix.count)) : nil
    }

    /// The update recorded when `connector` confirmed delivery `delivery` of a case with its own `reference`:
    /// status `open`, saying which system took the case. Its sender id derives from the delivery, so a
    /// delivery confirmed twice (sent again after a crash) records it once.
    static func accepted(by connector: String, _ delivery: DeliveryRecord, reference: String, id: RecordID,
                         now: Timestamp) -> UpdateRecord {
        let checked = CheckedUpdate(
            updateID: "delivered:\(delivery.id.text)", status: .open, externalStatusCode: nil,
            description: "Accepted by \(connector) with reference \(reference)", updatedAt: now.description,
            updatedAtInstant: now, reference: reference)
        return UpdateRecord(checked, id: id, caseID: delivery.caseID, client: connectorClientPrefix + connector, now: now)
    }

    /// The update recorded when queue consumer `consumer` rejected a message with `code` and `reason`.
    static func rejected(_ caseID: RecordID, receipt: QueueReceipt, consumer: String, code: String, reason: String,
                         id: RecordID, now: Timestamp) -> UpdateRecord {
        // The receipt's token is unique to this receive, so the update id never collides with another.
        let checked = CheckedUpdate(
            updateID: "reject:\(receipt)", status: .rejected, externalStatusCode: code, description: reason,
            updatedAt: now.description, updatedAtInstant: now, reference: nil)
        return UpdateRecord(checked, id: id, caseID: caseID, client: consumer, now: now)
    }
}
