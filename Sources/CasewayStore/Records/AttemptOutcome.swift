/// How one attempt of a delivery ended.
public enum AttemptOutcome: String, Sendable, Hashable, CaseIterable {
    /// The far side confirmed it.
    case delivered
    /// It failed and will be tried again later.
    case retry
    /// It failed for good; the delivery became a dead letter.
    case dead
}
