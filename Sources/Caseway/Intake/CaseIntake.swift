import CasewayMapping
import CasewayStore

/// Takes a case in: checks it, stores it durably and answers only once it is on disk.
///
/// Used by the HTTP API and, later, by every other front door (file drops, Open311), so each gets the
/// same checks, the same idempotency and the same durability.
public struct CaseIntake: Sendable {
    public let store: Store
    public let settings: IntakeSettings
    public let clock: any WallClock
    public let ids: RecordIDGenerator
    public let validator: ServiceRequestValidator
    /// The connectors that take a case (the routing table), evaluated before the write so the writer
    /// thread only inserts.
    public let route: @Sendable (CaseDocument) -> [String]
    /// Called after a new case is on disk with the connectors it went to (wakes their workers).
    public let accepted: @Sendable ([String]) -> Void

    public init(
        store: Store, settings: IntakeSettings, clock: any WallClock = SystemClock(), ids: RecordIDGenerator = .shared,
        validator: ServiceRequestValidator = ServiceRequestValidator(),
        route: @escaping @Sendable (CaseDocument) -> [String] = { _ in [] },
        accepted: @escaping @Sendable ([String]) -> Void = { _ in }
    ) {
        self.store = store
        self.settings = settings
        self.clock = clock
        self.ids = ids
        self.validator = validator
        self.route = route
        self.accepted = accepted
    }

    /// Longest `Idempotency-Key` accepted; keys are stored, so their size is bounded.
    public static let maxIdempotencyKeyLength = 255

    /// Checks, routes and stores `submission`: the case and one pending delivery per connector that takes it
    /// (or a `no_route` dead letter when none does, so it is never lost) in one transaction. Returns once
    /// that is committed, or throws why it was refused.
    public func submit(_ submission: CaseSubmission) async throws(CaseIntakeError) -> CaseIntakeOutcome {
        let key = try Self.checkedIdempotencyKey(submission.idempotencyKey)
        let checked = try check(submission)
        let now = clock.now()
        let record = CaseRecord(
            id: ids.next(at: now), receivedAt: now, client: submission.client, contentType: checked.mediaType.description,
            senderReference: checked.senderReference, body: submission.body)
        let connectors = route(checked.document)
        let deliveryIDs = connectors.map { _ in ids.next(at: now) }
        // Ids are drawn here, outside the writer's transaction; a no_route dead letter needs one only when
        // no connector takes the case.
        let noRouteID = connectors.isEmpty ? ids.next(at: now) : nil
        let outcome: Result<CaseIntakeOutcome, CaseIntakeError>
        do {
            // The key lookup and the insert run in one write: the single writer makes them atomic, so two
            // concurrent retries of the same submission can never both create a case.
            outcome = try await store.write { connection -> Result<CaseIntakeOutcome, CaseIntakeError> in
                if let key, let existing = try connection.idempotencyKey(client: record.client, key: key) {
                    guard existing.bodySHA256 == record.bodySHA256 else {
                        return .failure(.idempotencyKeyReused(caseID: existing.caseID))
                    }
                    guard let first = try connection.fetchCase(id: existing.caseID) else {
                        return .failure(.storeUnavailable("idempotency key \(key) points to a missing case \(existing.caseID)"))
                    }
                    return .success(.repeated(first, try connection.deliveries(caseID: first.id)))
                }
                try connection.insertCase(record, idempotencyKey: key)
                var deliveries: [DeliveryRecord] = []
                for (connector, id) in zip(connectors, deliveryIDs) {
                    deliveries.append(try connection.insertDelivery(id: id, caseID: record.id, connector: connector, dueAt: now, now: now))
                }
                if let noRouteID {
                    deliveries.append(try connection.insertNoRouteDeadLetter(id: noRouteID, caseID: record.id, now: now))
                }
                return .success(.accepted(record, deliveries))
            }
        } catch {
            throw .storeUnavailable("\(error)")
        }
        let result = try outcome.get()
        if case .accepted = result, !connectors.isEmpty { accepted(connectors) }
        return result
    }

    /// Every check a submission's body goes through, without storing anything.
    public func check(_ submission: CaseSubmission) throws(CaseIntakeError) -> CheckedSubmission {
        try IntakeCheck(settings: settings, validator: validator).check(submission)
    }

    private static func checkedIdempotencyKey(_ key: String?) throws(CaseIntakeError) -> String? {
        guard let key else { return nil }
        guard !key.isEmpty, key.utf8.count <= maxIdempotencyKeyLength else {
            throw .invalidIdempotencyKey("Idempotency-Key must be 1 to \(maxIdempotencyKeyLength) bytes")
        }
        guard key.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value <= 0x7e }) else {
            throw .invalidIdempotencyKey("Idempotency-Key must be printable ASCII without spaces")
        }
        return key
    }
}
