import CasewayMapping
import CasewayStore

/// A delivery as the API and `caseway dlq --json` show it: where it stands, its attempts and links.
enum DeliveryView {
    /// The delivery's fields; `attempts` adds the attempt history when given.
    static func json(_ delivery: DeliveryRecord, attempts: [AttemptRecord]? = nil) -> JSONValue {
        var object = JSONObject()
        object["id"] = .string(delivery.id.text)
        object["case_id"] = .string(delivery.caseID.text)
        object["update_id"] = optional(delivery.updateID?.text)
        object["connector"] = .string(delivery.connector)
        object["state"] = .string(delivery.state.rawValue)
        object["attempt_count"] = .number(JSONNumber(delivery.attemptCount))
        if let attempts { object["attempts"] = .array(attempts.map(attempt)) }
        object["last_error"] = optional(delivery.lastError)
        object["backoffice_reference"] = optional(delivery.backofficeReference)
        object["dead_reason"] = optional(delivery.deadReason)
        object["resolution"] = optional(delivery.resolution?.rawValue)
        object["resolved_at"] = optional(delivery.resolvedAt?.description)
        object["replay_of"] = optional(delivery.replayOf?.text)
        // Only a pending delivery has a meaningful due time; a leased one's is its lease's end.
        object["due_at"] = delivery.state == .pending ? .string(delivery.dueAt.description) : .null
        object["created_at"] = .string(delivery.createdAt.description)
        object["updated_at"] = .string(delivery.updatedAt.description)
        return .object(object)
    }

    /// One attempt: when, how long, how it ended and what the far side said.
    static func attempt(_ attempt: AttemptRecord) -> JSONValue {
        var object = JSONObject()
        object["started_at"] = .string(attempt.startedAt.description)
        object["duration_ms"] = .number(JSONNumber(text: String(attempt.durationMilliseconds)))
        object["outcome"] = .string(attempt.outcome.rawValue)
        object["http_status"] = attempt.httpStatus.map { .number(JSONNumber($0)) } ?? .null
        object["error"] = optional(attempt.error)
        object["reference"] = optional(attempt.reference)
        return .object(object)
    }

    static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }
}
