import CasewayHTTP
import CasewayStore

/// A handler's answer plus what the request log records about it (never the body).
public struct APIResponse: Sendable {
    public var http: HTTPResponse
    /// The authenticated client, when there was one.
    public var client: String?
    /// The case the request created or read, when there was one.
    public var caseID: RecordID?

    public init(_ http: HTTPResponse, client: String? = nil, caseID: RecordID? = nil) {
        self.http = http
        self.client = client
        self.caseID = caseID
    }
}
