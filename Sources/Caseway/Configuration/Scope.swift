import CasewayMapping
/// What an API client may do.
public enum Scope: String, Sendable, Hashable, CaseIterable {
    /// Submit cases.
    case submit
    /// Post status updates on cases.
    case update
    /// Receive messages from pull queues.
    case receive
    /// Operate the hub: dead letters, replay, discard.
    case admin
}
