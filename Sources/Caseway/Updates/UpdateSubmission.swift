import CasewayStore

/// A status update as it arrived: who sent it, for which case, and the body as sent.
public struct UpdateSubmission: Sendable {
    /// The authenticated client that sent it.
    public var client: String
    /// The case it updates (from the path).
    public var caseID: RecordID
    /// The `Content-Type` header, when there was one.
    public var contentType: String?
    /// The body as sent.
    public var body: [UInt8]

    public init(client: String, caseID: RecordID, contentType: String?, body: [UInt8]) {
        self.client = client
        self.caseID = caseID
        self.contentType = contentType
        self.body = body
    }
}
