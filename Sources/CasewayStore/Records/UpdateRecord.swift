/// A status change on a case, from a back office or a partner hub.
public struct UpdateRecord: Sendable, Hashable {
    /// The hub's id for the update.
    public var id: RecordID
    /// Its position in the update feed; assigned by the store when inserted (nil before).
    public var seq: Int64?
    /// The case it updates.
    public var caseID: RecordID
    /// The client that sent it.
    public var client: String
    /// The sender's id for the update; a second update with the same id from the same client is a duplicate.
    public var senderUpdateID: String
    /// The new status, in the hub's vocabulary.
    public var status: String
    /// The back office's own status code, when it gave one.
    public var externalStatusCode: String?
    /// Free text for the citizen or the front office.
    public var description: String?
    /// When the sender says the status changed, as it wrote it.
    public var updatedAt: String
    /// `updatedAt` as a point in time.
    public var updatedAtInstant: Timestamp
    /// The back office's reference for the case, when it gave one.
    public var reference: String?
    /// When the hub received the update.
    public var receivedAt: Timestamp
    /// SHA-256 of the update's body, to tell a retry from a conflicting duplicate.
    public var bodySHA256: [UInt8]

    /// Creates an update record.
    public init(id: RecordID, seq: Int64? = nil, caseID: RecordID, client: String, senderUpdateID: String, status: String,
                externalStatusCode: String? = nil, description: String? = nil, updatedAt: String, updatedAtInstant: Timestamp,
                reference: String? = nil, receivedAt: Timestamp, bodySHA256: [UInt8]) {
        self.id = id
        self.seq = seq
        self.caseID = caseID
        self.client = client
        self.senderUpdateID = senderUpdateID
        self.status = status
        self.externalStatusCode = externalStatusCode
        self.description = description
        self.updatedAt = updatedAt
        self.updatedAtInstant = updatedAtInstant
        self.reference = reference
        self.receivedAt = receivedAt
        self.bodySHA256 = bodySHA256
    }

    /// The columns `init(row:)` reads, in order.
    static let columns = """
        id, seq, case_id, client, sender_update_id, status, external_status_code, description, updated_at, \
        updated_at_ms, reference, received_at, body_sha256
        """

    /// Reads a row selected with `columns`.
    init(row: Statement) {
        self.init(id: row.column(0), seq: row.column(1), caseID: row.column(2), client: row.column(3),
                  senderUpdateID: row.column(4), status: row.column(5), externalStatusCode: row.column(6),
                  description: row.column(7), updatedAt: row.column(8), updatedAtInstant: row.column(9),
                  reference: row.column(10), receivedAt: row.column(11), bodySHA256: row.column(12))
    }
}
