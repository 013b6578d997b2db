/// How every delivery worker behaves, beside each connector's own retry policy.
public struct DeliverySettings: Sendable {
    /// How long a claim holds a delivery; a hub that dies mid-send loses it after this (or at once when
    /// the hub restarts, see `Connection.releaseLeases`).
    public var lease: Duration = .seconds(300)
    /// The longest a worker sleeps without looking at the store.
    public var pollInterval: Duration = .seconds(1)

    public init() {}
}
