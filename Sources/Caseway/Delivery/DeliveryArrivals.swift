import Synchronization

/// Tells whoever waits for a connector's work (its delivery worker, its queue's long polls) that deliveries
/// for it were committed.
///
/// A registry filled once the services exist, because the services themselves commit deliveries for one
/// another: a delivery worker whose case was accepted with a reference routes that update to a queue.
public final class DeliveryArrivals: Sendable {
    private let listeners = Mutex<[@Sendable ([String]) -> Void]>([])

    public init() {}

    /// Adds `listener`, called with the connectors each time deliveries for some are committed.
    public func listen(_ listener: @escaping @Sendable ([String]) -> Void) {
        listeners.withLock { $0.append(listener) }
    }

    /// Deliveries for `connectors` are on disk: wakes what waits for them.
    public func signal(_ connectors: [String]) {
        guard !connectors.isEmpty else { return }
        for listener in listeners.withLock({ $0 }) { listener(connectors) }
    }
}
