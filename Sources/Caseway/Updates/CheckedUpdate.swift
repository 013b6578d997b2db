import CasewayStore

/// The fields of an update body that passed every check, ready to store.
public struct CheckedUpdate: Sendable, Hashable {
    public var updateID: String
    public var status: UpdateStatus
    public var externalStatusCode: String?
    public var description: String?
    /// `updated_at` exactly as the sender wrote it, offset included.
    public var updatedAt: String
    /// `updated_at` as a point in time, for ordering by the sender's time.
    public var updatedAtInstant: Timestamp
    public var reference: String?
}
