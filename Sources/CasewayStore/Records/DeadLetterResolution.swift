/// What an operator did with a dead letter; a resolved dead letter leaves the list and stays as history.
public enum DeadLetterResolution: String, Sendable, Hashable, CaseIterable {
    /// Sent again as a new delivery that links back to it (`replay_of`).
    case replayed
    /// Given up on deliberately.
    case discarded
}
