import CasewayMapping
import CasewayStore

/// Takes a status update in: checks it, stores it durably with its feed position and answers only once it
/// is on disk.
///
/// Any client with the `update` scope may update any case: back offices and partner hubs update cases
/// that a front office submitted, so the submitter cannot be the test.
public struct UpdateIntake: Sendable {
    public let store: Store
    public let clock: any WallClock
    public let ids: RecordIDGenerator
    public let check: UpdateCheck

    public init(store: Store, clock: any WallClock = SystemClock(), ids: RecordIDGenerator = .shared,
                check: UpdateCheck = UpdateCheck()) {
        self.store = store
        self.clock = clock
        self.ids = ids
        self.check = check
    }

    /// Checks and stores `submission`. A repeat of an update already stored (same client, `update_id`,
    /// case and fields, whatever the key order or spacing) answers with that update and stores nothing.
    public func submit(_ submission: UpdateSubmission) async throws(UpdateIntakeError) -> UpdateIntakeOutcome {
        let checked = try check.check(contentType: submission.contentType, body: submission.body)
        let now = clock.now()
        let record = UpdateRecord(
            id: ids.next(at: now), caseID: submission.caseID, client: submission.client, senderUpdateID: checked.updateID,
            status: checked.status.rawValue, externalStatusCode: checked.externalStatusCode,
            description: checked.description, updatedAt: checked.updatedAt, updatedAtInstant: checked.updatedAtInstant,
            reference: checked.reference, receivedAt: now, bodySHA256: checked.fingerprint)
        let outcome: Result<UpdateIntakeOutcome, UpdateIntakeError>
        do {
            // Lookup and insert share one write: the single writer makes them atomic, so two concurrent
            // retries of one update can never both be stored.
            outcome = try await store.write { connection -> Result<UpdateIntakeOutcome, UpdateIntakeError> in
                if let existing = try connection.update(client: record.client, senderUpdateID: record.senderUpdateID) {
                    guard existing.bodySHA256 == record.bodySHA256, existing.caseID == record.caseID else {
                        return .failure(.updateIDReused(existing))
                    }
                    return .success(.repeated(existing))
                }
                guard try connection.caseExists(id: record.caseID) else {
                    return .failure(.unknownCase(record.caseID))
                }
                return .success(.accepted(try connection.insertUpdate(record)))
            }
        } catch {
            throw .storeUnavailable("\(error)")
        }
        return try outcome.get()
    }
}
