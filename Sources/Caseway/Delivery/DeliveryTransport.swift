/// Sends parcels to one connector's far side: a drop folder, an HTTP endpoint.
///
/// A transport never throws: every failure is a `DeliveryFailure` that says whether a retry can help,
/// because that decides between a retry and a dead letter. It must be safe to call concurrently
/// (a connector's `concurrency` > 1) and must give the same effect when a parcel is sent twice
/// (delivery is at least once).
public protocol DeliveryTransport: Sendable {
    func send(_ parcel: Parcel) async -> DeliveryResult

    /// Whether the reference of a `.delivered` result is the far side's own reference for the case, read
    /// from its answer (an HTTP partner's enquiry number), rather than one the hub chose (a file's name).
    /// Only the far side's own is news for the case's sender, and becomes an update on the case.
    var answersWithItsOwnReference: Bool { get }
}

extension DeliveryTransport {
    public var answersWithItsOwnReference: Bool { false }
}
