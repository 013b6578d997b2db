import CasewayStore

/// What a delivery carries before its connector's mapping: the case's original body, or, for a delivery of
/// an update, the update's JSON (`UpdateMessage`). Shared by delivery workers and queue receives, so a
/// connector sees the same input either way.
enum DeliverySource {
    static func of(_ record: CaseRecord, update: UpdateRecord?) -> (body: [UInt8], contentType: String) {
        guard let update else { return (record.body, record.contentType) }
        return (UpdateMessage.bytes(update, of: record), UpdateMessage.contentType)
    }
}
