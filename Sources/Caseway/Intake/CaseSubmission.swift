/// One case as a front office hands it in, before anything is checked or stored.
public struct CaseSubmission: Sendable {
    /// The API client submitting it.
    public var client: String
    /// The `Content-Type` as sent.
    public var contentType: String?
    public var body: [UInt8]
    /// The `Idempotency-Key` as sent, if any.
    public var idempotencyKey: String?

    public init(client: String, contentType: String?, body: [UInt8], idempotencyKey: String?) {
        self.client = client
        self.contentType = contentType
        self.body = body
        self.idempotencyKey = idempotencyKey
    }
}
