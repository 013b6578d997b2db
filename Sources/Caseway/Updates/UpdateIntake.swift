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
    /// Where a new update goes back to, stored in the same write.
    public let updates: UpdateReturn
    /// The clients that send XML updates, each with the mapping (`update_mapping`) that reads them.
    public let mappings: [String: Mapping]
    /// Called after a new update is on disk with the connectors it went to (wakes their workers).
    public let accepted: @Sendable ([String]) -> Void

    /// `route` gives the connectors that take updates on a case submitted by a client (the routing table).
    public init(store: Store, clock: any WallClock = SystemClock(), ids: RecordIDGenerator = .shared,
                check: UpdateCheck = UpdateCheck(), route: @escaping @Sendable (String) -> [String] = { _ in [] },
                mappings: [String: Mapping] = [:], accepted: @escaping @Sendable ([String]) -> Void = { _ in }) {
        self.store = store
        self.clock = clock
        self.ids = ids
        self.check = check
        self.updates = UpdateReturn(route: route, ids: ids)
        self.mappings = mappings
        self.accepted = accepted
    }

    /// Checks, stores and routes `submission`. A repeat of an update already stored (same client, `update_id`,
    /// case and fields, whatever the key order or spacing) answers with that update and stores (and sends)
    /// nothing.
    public func submit(_ submission: UpdateSubmission) async throws(UpdateIntakeError) -> UpdateIntakeOutcome {
        let checked = try check.check(
            contentType: submission.contentType, body: submission.body, mapping: mappings[submission.client],
            variables: ["case_id": submission.caseID.text, "client": submission.client])
        let now = clock.now()
        let record = UpdateRecord(checked, id: ids.next(at: now), caseID: submission.caseID, client: submission.client, now: now)
        let updates = updates
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
                // Same transaction as the update: it is never stored without its way back.
                guard let (stored, connectors) = try updates.record(record, in: connection, now: now) else {
                    return .failure(.unknownCase(record.caseID))
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
