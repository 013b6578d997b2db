import CasewayStore

/// The update feed: every stored update, in the order the hub stored them, for pollers to catch up with.
///
/// The feed is ordered by `seq` (arrival at the hub), not by the sender's `updated_at`: a late update with
/// an early time would otherwise land behind a cursor a poller already passed. A case's own list in
/// `GET /v1/cases/{id}` is ordered by the sender's time instead.
///
/// Why the feed cannot skip: `seq` is assigned inside the single writer's transaction as max + 1, and
/// transactions commit one after another, so seq N + 1 is never committed before seq N (a batch commits
/// both at once). A reader's snapshot therefore always holds a prefix of the feed, and a cursor taken from
/// it never passes an update that commits later.
public struct UpdateFeed: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Largest page a poller may ask for; bounds one read's time and memory.
    public static let maxLimit = 500
    public static let defaultLimit = 100

    /// Up to `limit` updates after `cursor`: on cases `client` submitted, or on every case when `client` is nil.
    public func page(after cursor: UpdateFeedCursor, limit: Int, client: String?) async throws -> UpdateFeedPage {
        let updates = try await store.read { connection in
            if let client {
                return try connection.updates(after: cursor.seq, limit: limit, caseClient: client)
            }
            return try connection.updates(after: cursor.seq, limit: limit)
        }
        return UpdateFeedPage(updates: updates, next: UpdateFeedCursor(seq: updates.last?.seq ?? cursor.seq))
    }
}
