import CasewayMapping
import CasewayStore

/// The JSON an update travels back as, to an `http` callback, a file or a queue (docs/connectors.md), and
/// the input a connector's mapping reads for an update:
/// `{case_id, sender_reference, update: {id, update_id, status, external_status_code, description,
/// updated_at, reference, client}}`.
///
/// The shape is fixed (absent fields are `null`, never left out), so a front office's callback and a
/// mapping can rely on every key being there.
public enum UpdateMessage {
    /// The media type of the update's JSON.
    public static let contentType = "application/json"

    /// `update` on case `record`, as the JSON value above.
    public static func json(_ update: UpdateRecord, of record: CaseRecord) -> JSONValue {
        var inner = JSONObject()
        inner["id"] = .string(update.id.text)
        inner["update_id"] = .string(update.senderUpdateID)
        inner["status"] = .string(update.status)
        inner["external_status_code"] = DeliveryView.optional(update.externalStatusCode)
        inner["description"] = DeliveryView.optional(update.description)
        inner["updated_at"] = .string(update.updatedAt)
        inner["reference"] = DeliveryView.optional(update.reference)
        inner["client"] = .string(update.client)
        var outer = JSONObject()
        outer["case_id"] = .string(record.id.text)
        outer["sender_reference"] = DeliveryView.optional(record.senderReference)
        outer["update"] = .object(inner)
        return .object(outer)
    }

    /// The same, written as UTF-8 bytes: the payload sent, or the mapping's input.
    public static func bytes(_ update: UpdateRecord, of record: CaseRecord) -> [UInt8] {
        JSONWriter().bytes(json(update, of: record))
    }
}
