import CasewayMapping
import CasewayStore

/// Takes a status update in: checks it, stores it durably with its feed position, routes it back towards
/// the case's origin (one delivery per connector that takes updates for the client that submitted the case),
/// and answers only once all of that is on disk.
///
/// Any client with the `update` scope may update any case: back offices and partner hubs update cases
/// that a front office submitted, so the submitter cannot be the test.
public struct UpdateIntake: Sendable {
    public let store: Store
    public let clock: any WallClock
    public let ids: RecordIDGenerator
    public let check: UpdateCheck
    /// The connectors that take updates on a case submitted by a client (the routing table). Called inside
    /// the write, because the case's client is read there; it is a filter over a short list, no I/O.
    public let route: @Sendable (String) -> [String]
    /// Called after a new update is on disk with the connectors it went to (wakes their workers).
    public let accepted: @Sendable ([String]) -> Void

    public init(store: Store, clock: any WallClock = SystemClock(), ids: RecordIDGenerator = .shared,
                check: UpdateCheck = UpdateCheck(), route: @escaping @Sendable (String) -> [String] = { _ in [] },
                accepted: @escaping @Sendable ([String]) -> Void = { _ in }) {
        self.store = store
        self.clock = clock
        self.ids = ids
        self.check = check
        self.route = route
        self.accepted = accepted
    }

    /// Checks, stores and routes `submission`. A repeat of an update already stored (same client, `update_id`,
    /// case and fields, whatever the key order or spacing) answers with that update and stores (and sends)
    /// nothing.
    public func submit(_ submission: UpdateSubmission) async throws(UpdateIntakeError) -> UpdateIntakeOutcome {
        let checked = try check.check(contentType: submission.contentType, body: submission.body)
        let now = clock.now()
        let record = UpdateRecord(
            id: ids.next(at: now), caseID: submission.caseID, client: submission.client, senderUpdateID: checked.updateID,
            status: checked.status.rawValue, externalStatusCode: checked.externalStatusCode,
            description: checked.description, updatedAt: checked.updatedAt, updatedAtInstant: checked.updatedAtInstant,
            reference: checked.reference, receivedAt: now, bodySHA256: checked.fingerprint)
        // The outcome, with the connectors a new update was routed to (none for a repeat).
        let outcome: Result<(UpdateIntakeOutcome, [String]), UpdateIntakeError>
        do {
            // Lookup and insert share one write: the single writer makes them atomic, so two concurrent
            // retries of one update can never both be stored.
            outcome = try await store.write { connection -> Result<(UpdateIntakeOutcome, [String]), UpdateIntakeError> in
                if let existing = try connection.update(client: record.client, senderUpdateID: record.senderUpdateID) {
                    guard existing.bodySHA256 == record.bodySHA256, existing.caseID == record.caseID else {
                        return .failure(.updateIDReused(existing))
                    }
                    return .success((.repeated(existing), []))
                }
                guard let origin = try connection.caseClient(id: record.caseID) else {
                    return .failure(.unknownCase(record.caseID))
                }
                let stored = try connection.insertUpdate(record)
                // Same transaction as the update: it is never stored without its way back, and each delivery
                // queues behind the case's own earlier deliveries to that connector (invariant 6).
                let connectors = route(origin)
                for connector in connectors {
                    try connection.insertDelivery(
                        id: ids.next(at: now), caseID: record.caseID, updateID: stored.id, connector: connector,
                        dueAt: now, now: now)
                }
                return .success((.accepted(stored), connectors))
            }
        } catch {
            throw .storeUnavailable("\(error)")
        }
        let (result, routed) = try outcome.get()
        if !routed.isEmpty { accepted(routed) }
        return result
    }
}
