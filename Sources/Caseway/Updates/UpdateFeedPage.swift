import CasewayStore

/// One page of the update feed and where the next one starts.
public struct UpdateFeedPage: Sendable, Equatable {
    /// The updates, in feed order.
    public var updates: [UpdateRecord]
    /// Where to continue: after the last update on this page, or where the poller was when it was empty.
    public var next: UpdateFeedCursor
}
