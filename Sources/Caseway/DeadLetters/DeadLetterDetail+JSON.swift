import CasewayMapping

extension DeadLetterDetail {
    /// The dead letter with its attempts, its case with the original body, the mapped payload of
    /// its last failed attempt (null when none was kept) and the deliveries replaying it.
    public var json: JSONValue {
        guard case .object(var object) = DeliveryView.json(delivery, attempts: attempts) else { return .null }
        var caseObject = JSONObject()
        caseObject["id"] = .string(caseRecord.id.text)
        caseObject["received_at"] = .string(caseRecord.receivedAt.description)
        caseObject["client"] = .string(caseRecord.client)
        caseObject["sender_reference"] = DeliveryView.optional(caseRecord.senderReference)
        caseObject["content_type"] = .string(caseRecord.contentType)
        caseObject["body"] = PayloadView.json(caseRecord.body, contentType: caseRecord.contentType)
        object["case"] = .object(caseObject)
        object["payload"] = delivery.payload.map { PayloadView.json($0, contentType: delivery.payloadContentType) } ?? .null
        object["replays"] = .array(replays.map { DeliveryView.json($0) })
        return .object(object)
    }
}
