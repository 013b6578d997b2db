/// Where a delivery stands.
public enum DeliveryState: String, Sendable, Hashable, CaseIterable {
    /// Waiting until it is due (and until the case's earlier deliveries to the connector are finished).
    case pending
    /// Claimed by a worker or a queue consumer until its lease runs out.
    case leased
    /// The far side confirmed it. Final.
    case delivered
    /// Will not be retried by itself: a dead letter, kept until an operator replays or discards it.
    case dead

    /// Whether nothing more will happen to the delivery by itself.
    public var isFinished: Bool { self == .delivered || self == .dead }
}
