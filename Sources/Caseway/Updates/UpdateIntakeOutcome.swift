import CasewayStore

/// What became of an update that was not refused.
public enum UpdateIntakeOutcome: Sendable, Equatable {
    /// A new update, committed to disk with its feed position.
    case accepted(UpdateRecord)
    /// The same client sent the same body for the same case under the same `update_id` before: that update.
    case repeated(UpdateRecord)

    /// The stored update.
    public var record: UpdateRecord {
        switch self {
        case .accepted(let record), .repeated(let record): record
        }
    }
}
