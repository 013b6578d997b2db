import CasewayStore

/// An update's way back towards the case's origin: stores it inside the caller's write together with one
/// pending delivery per connector that takes updates on cases submitted by the case's client.
///
/// Every source of updates goes through it (a sender's `POST …/updates`, a queue consumer's reject or ack
/// with a status, a back office's reference on a delivered case), so all of them route alike. The
/// connector an update came from is never sent it back: a back office is not told what it just said, and a
/// connector that both takes cases and takes updates can never feed itself.
public struct UpdateReturn: Sendable {
    /// The connectors that take updates on a case submitted by a client (the routing table); a filter over a
    /// short list, so it may run inside the write.
    public let route: @Sendable (String) -> [String]
    public let ids: RecordIDGenerator

    public init(route: @escaping @Sendable (String) -> [String], ids: RecordIDGenerator = .shared) {
        self.route = route
        self.ids = ids
    }

    /// Updates are stored but go nowhere (tests, tools without routing).
    public static let nowhere = UpdateReturn(route: { _ in [] })

    /// Stores `update` and its deliveries in `connection`'s transaction, leaving out connector `source`:
    /// the stored update and the connectors it went to; nil (nothing stored) when the case does not exist.
    public func record(
        _ update: UpdateRecord, from source: String? = nil, in connection: Connection, now: Timestamp
    ) throws -> (update: UpdateRecord, connectors: [String])? {
        guard let origin = try connection.caseClient(id: update.caseID) else { return nil }
        let stored = try connection.insertUpdate(update)
        // Each delivery queues behind the case's own earlier deliveries to that connector (invariant 6).
        let connectors = route(origin).filter { $0 != source }
        for connector in connectors {
            try connection.insertDelivery(
                id: ids.next(at: now), caseID: update.caseID, updateID: stored.id, connector: connector, dueAt: now, now: now)
        }
        return (stored, connectors)
    }

    /// `record`, for an update the hub makes itself under an id derived from what caused it: when that
    /// (client, sender update id) is stored already, nothing is stored or sent again; the connectors it went to.
    public func recordOnce(_ update: UpdateRecord, from source: String? = nil, in connection: Connection,
                           now: Timestamp) throws -> [String] {
        guard try connection.update(client: update.client, senderUpdateID: update.senderUpdateID) == nil else { return [] }
        return try record(update, from: source, in: connection, now: now)?.connectors ?? []
    }
}
