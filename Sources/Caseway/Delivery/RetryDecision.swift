import CasewayStore

/// What happens to a delivery after a failed attempt.
public enum RetryDecision: Sendable, Equatable {
    /// Try again once `at` has come.
    case retry(at: Timestamp)
    /// Stop: it becomes a dead letter for this reason.
    case deadLetter(DeadLetterReason)
}
