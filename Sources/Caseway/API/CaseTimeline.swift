import CasewayMapping
import CasewayStore

/// Everything that happened to a case, in order: received, each delivery and its attempts, each update;
/// and the references every system the case touched gave it.
///
/// Events are placed by the hub's clock (an update by when the hub received it, with the sender's
/// `updated_at` beside it): one clock keeps the timeline causal, where a back office's clock could put its
/// answer before the case it answers.
struct CaseTimeline {
    var record: CaseRecord
    var deliveries: [DeliveryRecord]
    var attempts: [RecordID: [AttemptRecord]]
    var updates: [UpdateRecord]

    /// One entry of the timeline and where it sorts.
    private struct Event {
        var at: Timestamp
        /// Breaks ties at the same millisecond in causal order: received, delivery, attempt, update.
        var rank: Int
        var json: JSONObject
    }

    /// The events, oldest first.
    var events: JSONValue {
        var events: [Event] = []
        var received = JSONObject()
        received["kind"] = .string("received")
        received["at"] = .string(record.receivedAt.description)
        received["client"] = .string(record.client)
        received["sender_reference"] = DeliveryView.optional(record.senderReference)
        events.append(Event(at: record.receivedAt, rank: 0, json: received))
        for delivery in deliveries {
            var created = JSONObject()
            created["kind"] = .string("delivery")
            created["at"] = .string(delivery.createdAt.description)
            created["delivery_id"] = .string(delivery.id.text)
            created["connector"] = .string(delivery.connector)
            created["update_id"] = DeliveryView.optional(delivery.updateID?.text)
            created["state"] = .string(delivery.state.rawValue)
            created["dead_reason"] = DeliveryView.optional(delivery.deadReason)
            created["replay_of"] = DeliveryView.optional(delivery.replayOf?.text)
            events.append(Event(at: delivery.createdAt, rank: 1, json: created))
            for attempt in attempts[delivery.id] ?? [] {
                var object = JSONObject()
                object["kind"] = .string("attempt")
                object["at"] = .string(attempt.startedAt.description)
                object["delivery_id"] = .string(delivery.id.text)
                object["connector"] = .string(delivery.connector)
                object["outcome"] = .string(attempt.outcome.rawValue)
                object["duration_ms"] = .number(JSONNumber(text: String(attempt.durationMilliseconds)))
                object["http_status"] = attempt.httpStatus.map { .number(JSONNumber($0)) } ?? .null
                object["error"] = DeliveryView.optional(attempt.error)
                object["reference"] = DeliveryView.optional(attempt.reference)
                events.append(Event(at: attempt.startedAt, rank: 2, json: object))
            }
        }
        for update in updates.sorted(by: { ($0.seq ?? 0) < ($1.seq ?? 0) }) {
            var object = JSONObject()
            object["kind"] = .string("update")
            object["at"] = .string(update.receivedAt.description)
            object["id"] = .string(update.id.text)
            object["seq"] = update.seq.map { .number(JSONNumber(text: String($0))) } ?? .null
            object["client"] = .string(update.client)
            object["status"] = .string(update.status)
            object["external_status_code"] = DeliveryView.optional(update.externalStatusCode)
            object["description"] = DeliveryView.optional(update.description)
            object["updated_at"] = .string(update.updatedAt)
            object["reference"] = DeliveryView.optional(update.reference)
            events.append(Event(at: update.receivedAt, rank: 3, json: object))
        }
        // The index keeps the order events were gathered in (delivery id, attempt order, seq) for equal keys.
        let ordered = events.enumerated().sorted { left, right in
            (left.element.at, left.element.rank, left.offset) < (right.element.at, right.element.rank, right.offset)
        }
        return .array(ordered.map { .object($0.element.json) })
    }

    /// Each system's reference for the case, once each, in the order they were first given: the sender's,
    /// then each connector's (from its delivery), then each updating client's.
    var references: JSONValue {
        var seen: Set<[String]> = []
        var list: [JSONValue] = []
        func add(_ kind: String, _ name: String, _ reference: String?) {
            guard let reference, seen.insert([kind, name, reference]).inserted else { return }
            list.append(.object(JSONObject([
                "kind": .string(kind), "name": .string(name), "reference": .string(reference),
            ])))
        }
        add("sender", record.client, record.senderReference)
        for delivery in deliveries {
            add("connector", delivery.connector, delivery.backofficeReference)
        }
        for update in updates.sorted(by: { ($0.seq ?? 0) < ($1.seq ?? 0) }) {
            // A connector's answer made into an update repeats that connector's reference: one entry for both.
            if let connector = update.producingConnector {
                add("connector", connector, update.reference)
            } else {
                add("client", update.client, update.reference)
            }
        }
        return .array(list)
    }
}
