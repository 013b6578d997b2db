import CasewayMapping
import CasewayStore

/// An update as the API shows it, in the 202 answer, the case view and the feed.
enum UpdateView {
    static func json(_ update: UpdateRecord) -> JSONValue {
        var object = JSONObject()
        object["id"] = .string(update.id.text)
        object["case_id"] = .string(update.caseID.text)
        object["seq"] = update.seq.map { .number(JSONNumber(text: String($0))) } ?? .null
        object["client"] = .string(update.client)
        object["update_id"] = .string(update.senderUpdateID)
        object["status"] = .string(update.status)
        object["external_status_code"] = DeliveryView.optional(update.externalStatusCode)
        object["description"] = DeliveryView.optional(update.description)
        object["updated_at"] = .string(update.updatedAt)
        object["reference"] = DeliveryView.optional(update.reference)
        object["received_at"] = .string(update.receivedAt.description)
        return .object(object)
    }
}
