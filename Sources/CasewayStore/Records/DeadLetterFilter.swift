/// Which open dead letters a list shows; every field left nil matches all.
public struct DeadLetterFilter: Sendable, Hashable {
    /// Only this connector's (`DeliveryRecord.noRouteConnector` for cases no connector takes).
    public var connector: String?
    /// Only those that died for this reason.
    public var reason: DeadLetterReason?
    /// Only this case's.
    public var caseID: RecordID?

    /// Creates a filter.
    public init(connector: String? = nil, reason: DeadLetterReason? = nil, caseID: RecordID? = nil) {
        self.connector = connector
        self.reason = reason
        self.caseID = caseID
    }
}
