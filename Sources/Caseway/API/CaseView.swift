import CasewayMapping
import CasewayStore

/// A case as the API shows it: ids, references and where each delivery stands (never the body).
struct CaseView {
    var record: CaseRecord
    var deliveries: [DeliveryRecord]
    /// Each delivery's attempts, oldest first, by delivery id (empty for the summary).
    var attempts: [RecordID: [AttemptRecord]] = [:]
    /// The case's status updates, in any order (empty for the summary).
    var updates: [UpdateRecord] = []

    /// What `POST /v1/cases` answers: the id, a status and the deliveries routing created.
    var summary: JSONValue {
        var object = JSONObject()
        object["id"] = .string(record.id.text)
        object["status"] = .string(status)
        object["deliveries"] = .array(deliveries.map(Self.deliverySummary))
        return .object(object)
    }

    /// What `GET /v1/cases/{id}` answers.
    var json: JSONValue {
        var object = JSONObject()
        object["id"] = .string(record.id.text)
        object["status"] = .string(status)
        object["received_at"] = .string(record.receivedAt.description)
        object["client"] = .string(record.client)
        object["sender_reference"] = record.senderReference.map(JSONValue.string) ?? .null
        object["content_type"] = .string(record.contentType)
        object["body_bytes"] = .number(JSONNumber(record.body.count))
        object["deliveries"] = .array(deliveries.map { DeliveryView.json($0, attempts: attempts[$0.id] ?? []) })
        object["updates"] = .array(updatesBySenderTime.map(UpdateView.json))
        let timeline = CaseTimeline(record: record, deliveries: deliveries, attempts: attempts, updates: updates)
        object["timeline"] = timeline.events
        object["references"] = timeline.references
        return .object(object)
    }

    /// Updates in the order the senders say things happened (`updated_at`), arrival (`seq`) breaking ties:
    /// a back office that posts a late correction of an earlier state does not make it the latest.
    var updatesBySenderTime: [UpdateRecord] {
        updates.sorted { ($0.updatedAtInstant, $0.seq ?? 0) < ($1.updatedAtInstant, $1.seq ?? 0) }
    }

    /// `accepted` until a delivery of the case exists; then the least advanced one's state speaks for the case.
    ///
    /// Deliveries of the case's updates are left out: a callback telling the front office about progress is
    /// not the case's progress, and a delivered case must not read `in_progress` again while an update
    /// travels back. They are listed, with their own states, beside the case's.
    var status: String {
        let own = deliveries.filter { $0.updateID == nil }
        if own.isEmpty { return "accepted" }
        if own.allSatisfy({ $0.state == .delivered }) { return "delivered" }
        if own.contains(where: { $0.state == .dead }) { return "attention" }
        return "in_progress"
    }

    static func deliverySummary(_ delivery: DeliveryRecord) -> JSONValue {
        .object(JSONObject(["connector": .string(delivery.connector), "state": .string(delivery.state.rawValue)]))
    }
}
