/// What waits for one connector, as the metrics show it: read from the partial indexes alone, so a scrape
/// costs the same whether the store holds a thousand delivered cases or ten million.
public struct ConnectorBacklog: Sendable, Hashable {
    public var connector: String
    /// Deliveries not yet finished: pending (due now or waiting for a retry) or leased.
    public var unfinished: Int
    /// Of those, the ones whose time has come (`due_at` passed): due and not yet claimed, or leased past
    /// their lease. A number that grows means the connector is not keeping up.
    public var overdue: Int
    /// When the longest-overdue delivery was due; nil with nothing overdue.
    public var oldestOverdueSince: Timestamp?
    /// Dead letters waiting for an operator (neither replayed nor discarded).
    public var openDeadLetters: Int

    public init(connector: String, unfinished: Int = 0, overdue: Int = 0, oldestOverdueSince: Timestamp? = nil,
                openDeadLetters: Int = 0) {
        self.connector = connector
        self.unfinished = unfinished
        self.overdue = overdue
        self.oldestOverdueSince = oldestOverdueSince
        self.openDeadLetters = openDeadLetters
    }
}
