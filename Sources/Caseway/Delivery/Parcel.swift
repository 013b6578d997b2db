import CasewayStore

/// What a delivery worker hands a connector's transport: one delivery's payload, already mapped.
public struct Parcel: Sendable {
    /// The delivery's id: the `Idempotency-Key` of HTTP requests and part of file names, so that a
    /// re-delivery has the same effect as the first.
    public var deliveryID: RecordID
    /// Which try this is (1 for the first).
    public var attempt: Int
    /// The case being delivered, exactly as received.
    public var caseRecord: CaseRecord
    /// The payload to send: the mapping's output, or the original body when the connector has no mapping.
    public var body: [UInt8]
    /// The payload's media type, e.g. `application/xml`, `text/csv`, `application/json`.
    public var contentType: String
    /// When the worker started this attempt (for `{date:…}` in file names).
    public var now: Timestamp

    public init(deliveryID: RecordID, attempt: Int, caseRecord: CaseRecord, body: [UInt8], contentType: String, now: Timestamp) {
        self.deliveryID = deliveryID
        self.attempt = attempt
        self.caseRecord = caseRecord
        self.body = body
        self.contentType = contentType
        self.now = now
    }
}
