import CasewayStore

/// What became of a submission that was not refused.
public enum CaseIntakeOutcome: Sendable, Equatable {
    /// A new case, committed to disk with the deliveries routing gave it.
    case accepted(CaseRecord, [DeliveryRecord])
    /// The same client sent the same body under the same idempotency key before: this is that case, with
    /// its deliveries as they stand now.
    case repeated(CaseRecord, [DeliveryRecord])

    /// The case.
    public var record: CaseRecord {
        switch self {
        case .accepted(let record, _), .repeated(let record, _): record
        }
    }
}
