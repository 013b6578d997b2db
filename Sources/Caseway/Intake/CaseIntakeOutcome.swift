import CasewayStore

/// What became of a submission that was not refused.
public enum CaseIntakeOutcome: Sendable, Equatable {
    /// A new case, committed to disk.
    case accepted(CaseRecord)
    /// The same client sent the same body under the same idempotency key before: this is that case.
    case repeated(CaseRecord)
}
