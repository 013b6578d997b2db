import CasewayStore

/// The variables a connector's mapping can read: the case's and the delivery's ids, the update's id for a
/// delivery of an update (empty otherwise), and the time.
/// Shared by delivery workers and queue receives, so a mapping gives the same output either way.
enum MappingVariables {
    static func of(_ delivery: DeliveryRecord, _ record: CaseRecord, now: Timestamp) -> [String: String] {
        [
            "case_id": record.id.text, "delivery_id": delivery.id.text, "now": now.description,
            "received_at": record.receivedAt.description, "client": record.client,
            "sender_reference": record.senderReference ?? "", "update_id": delivery.updateID?.text ?? "",
        ]
    }
}
