import CasewayStore

/// The operators' view of dead letters, shared by the API (`/v1/dead-letters`) and `caseway dlq`:
/// list, show, replay and discard.
///
/// Replay only queues a new delivery (pending, due now, linked to the dead letter); it does not map
/// anything. The delivery worker runs the connector's mapping as it is when it sends, so fixing a
/// mapping (or a partner) and then replaying sends the corrected payload. A `no_route` dead letter
/// is routed again with `reroute`, the current configuration's routing, when it is replayed.
public struct DeadLetters: Sendable {
    /// The store holding the dead letters.
    public let store: Store
    /// The connectors that take a case now (the routing table of the current configuration).
    public let reroute: @Sendable (CaseRecord) -> [String]
    /// Where "now" comes from: replay and discard times, due times of replays.
    public let clock: any WallClock
    /// Ids of the new deliveries.
    public let ids: RecordIDGenerator

    /// The most ids one replay request may name, and the page size of `replay(connector:)`.
    public static let maxReplayBatch = 1000

    /// Creates the service.
    public init(store: Store, clock: any WallClock = SystemClock(), ids: RecordIDGenerator = .shared,
                reroute: @escaping @Sendable (CaseRecord) -> [String]) {
        self.store = store
        self.clock = clock
        self.ids = ids
        self.reroute = reroute
    }

    /// A page of open dead letters matching `filter`, oldest first, starting after `cursor`.
    public func list(filter: DeadLetterFilter = DeadLetterFilter(), after cursor: DeadLetterCursor? = nil,
                     limit: Int = 100) async throws -> DeadLetterPage {
        let limit = max(1, limit)
        // One more than asked tells whether another page follows without a second query.
        let rows = try await store.read { try $0.deadLetters(filter: filter, after: cursor, limit: limit + 1) }
        let page = Array(rows.prefix(limit))
        let next = rows.count > limit ? page.last.map(DeadLetterCursor.init(after:)) : nil
        return DeadLetterPage(deadLetters: page, nextCursor: next)
    }

    /// The open dead letter `id` with its case, attempts and replays; nil when there is none.
    public func show(id: RecordID) async throws -> DeadLetterDetail? {
        try await store.read { connection in
            guard let delivery = try connection.delivery(id: id), delivery.isOpenDeadLetter,
                  let record = try connection.fetchCase(id: delivery.caseID)
            else { return nil }
            return DeadLetterDetail(delivery: delivery, caseRecord: record, attempts: try connection.attempts(deliveryID: id),
                                    replays: try connection.deliveries(replayOf: id))
        }
    }

    /// Replays each dead letter of `ids`, in one transaction with each id undone alone on failure.
    public func replay(ids deadLetterIDs: [RecordID]) async throws -> DeadLetterReplayReport {
        // Route the no_route cases first, on a reader: evaluating `when` conditions inside the write
        // would hold up every case the writer's batch is committing meanwhile.
        let reroute = reroute
        let strays = try await store.read { connection in
            var cases: [RecordID: CaseRecord] = [:]
            for id in deadLetterIDs {
                guard let dead = try connection.delivery(id: id), dead.isOpenDeadLetter,
                      dead.connector == DeliveryRecord.noRouteConnector,
                      let record = try connection.fetchCase(id: dead.caseID)
                else { continue }
                cases[id] = record
            }
            return cases
        }
        let routes = strays.mapValues { record in
            var seen = Set<String>()
            return reroute(record).filter { $0 != DeliveryRecord.noRouteConnector && seen.insert($0).inserted }
        }
        let now = clock.now()
        let ids = ids
        return try await store.write { connection in
            var report = DeadLetterReplayReport()
            for id in deadLetterIDs {
                do {
                    let deliveries = try connection.savepoint {
                        try Self.replayOne(id, connection: connection, now: now, ids: ids, routes: routes[id] ?? [])
                    }
                    switch deliveries {
                    case .success(let deliveries): report.replayed.append(DeadLetterReplay(deadLetter: id, deliveries: deliveries))
                    case .failure(let failure): report.failed.append(failure)
                    }
                } catch {
                    report.failed.append(DeadLetterReplayFailure(id: id, reason: "the store refused it: \(error)"))
                }
            }
            return report
        }
    }

    /// Replays every open dead letter of `connector` that is dead now, page by page. Dead letters
    /// made after the call began (a replay failing again at once) are left for the next request,
    /// so that a partner still down cannot keep this loop going.
    public func replay(connector: String, pageSize: Int = maxReplayBatch) async throws -> DeadLetterReplayReport {
        let cutoff = clock.now()
        var report = DeadLetterReplayReport()
        var cursor: DeadLetterCursor?
        while true {
            let page = try await list(filter: DeadLetterFilter(connector: connector), after: cursor, limit: pageSize)
            let due = page.deadLetters.filter { $0.updatedAt <= cutoff }
            if !due.isEmpty { report.append(try await replay(ids: due.map(\.id))) }
            guard due.count == page.deadLetters.count, let next = page.nextCursor else { return report }
            cursor = next
        }
    }

    /// Discards the open dead letter `id`: it leaves the list and stays as history. False when there is none.
    public func discard(id: RecordID) async throws -> Bool {
        let now = clock.now()
        return try await store.write { try $0.discardDeadLetter(id: id, now: now) }
    }

    /// Replays one dead letter inside the caller's transaction: the new deliveries, or why not.
    /// `connectors` are the connectors that take its case now, for a `no_route` dead letter.
    private static func replayOne(_ id: RecordID, connection: Connection, now: Timestamp, ids: RecordIDGenerator,
                                  routes connectors: [String]) throws -> Result<[DeliveryRecord], DeadLetterReplayFailure> {
        // Checked again in the write: another operator may have acted since the routes were read.
        guard let dead = try connection.delivery(id: id), dead.isOpenDeadLetter else {
            return .failure(DeadLetterReplayFailure(id: id, reason: DeadLetterReplayFailure.notOpen))
        }
        guard dead.connector == DeliveryRecord.noRouteConnector else {
            guard let delivery = try connection.replayDeadLetter(id: id, newID: ids.next(at: now), now: now) else {
                return .failure(DeadLetterReplayFailure(id: id, reason: DeadLetterReplayFailure.notOpen))
            }
            return .success([delivery])
        }
        guard !connectors.isEmpty else {
            return .failure(DeadLetterReplayFailure(id: id, reason: DeadLetterReplayFailure.stillNoRoute))
        }
        var deliveries: [DeliveryRecord] = []
        for connector in connectors {
            if let delivery = try connection.replayDeadLetter(id: id, newID: ids.next(at: now), connector: connector, now: now) {
                deliveries.append(delivery)
            }
        }
        // Every connector already has its replay: another request replayed it in the same millisecond.
        guard !deliveries.isEmpty else { return .failure(DeadLetterReplayFailure(id: id, reason: DeadLetterReplayFailure.notOpen)) }
        return .success(deliveries)
    }
}
