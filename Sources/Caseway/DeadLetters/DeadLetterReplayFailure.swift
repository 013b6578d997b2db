import CasewayStore

/// A dead letter that could not be replayed, and why, in words an operator acts on.
public struct DeadLetterReplayFailure: Error, Sendable, Hashable {
    /// The id asked for.
    public var id: RecordID
    /// Why it was not replayed.
    public var reason: String

    /// The reason for an id that is not an open dead letter.
    static let notOpen = "no open dead letter with this id (unknown, or already replayed or discarded)"
    /// The reason for a `no_route` dead letter that still no connector takes.
    static let stillNoRoute = "no connector takes this case yet: add or change a connector's `when`, then replay"
}
