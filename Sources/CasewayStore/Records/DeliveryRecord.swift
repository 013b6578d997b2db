import CSQLite

/// One case (or one update of a case) on its way to one connector.
public struct DeliveryRecord: Sendable, Hashable {
    /// The delivery's id; also the `Idempotency-Key` of its HTTP requests and part of its file names.
    public var id: RecordID
    /// The case being delivered.
    public var caseID: RecordID
    /// The update being delivered, when this delivers an update rather than the case itself.
    public var updateID: RecordID?
    /// The connector it goes to.
    public var connector: String
    /// Its place among the case's deliveries to this connector (from 1); they happen in this order.
    public var sequence: Int
    /// Where it stands.
    public var state: DeliveryState
    /// When the hub next looks at it: when it is due while pending, when its lease runs out while leased.
    public var dueAt: Timestamp
    /// Who holds the lease, while leased.
    public var leaseOwner: String?
    /// When the lease runs out, while leased; after that the delivery can be claimed again.
    public var leaseUntil: Timestamp?
    /// How many times it has been claimed.
    public var attemptCount: Int
    /// When it was created.
    public var createdAt: Timestamp
    /// When it last changed.
    public var updatedAt: Timestamp
    /// The error of the last failed attempt.
    public var lastError: String?
    /// The reference the back office gave it on delivery.
    public var backofficeReference: String?
    /// Why it is a dead letter.
    public var deadReason: String?
    /// The dead letter this delivery replays.
    public var replayOf: RecordID?
    /// The mapped payload of the last failed attempt, when the worker kept it (what was sent).
    public var payload: [UInt8]?
    /// The media type of `payload`.
    public var payloadContentType: String?
    /// What an operator did with this dead letter; nil while it is open (or not a dead letter).
    public var resolution: DeadLetterResolution?
    /// When an operator replayed or discarded it.
    public var resolvedAt: Timestamp?

    /// The connector name of a dead letter for a case no connector takes (reason `no_route`).
    /// Parentheses cannot start a connector's name, so it never collides with a real one.
    public static let noRouteConnector = "(none)"

    /// `deadReason` as a known reason; nil when not dead or when the stored text is not one of them.
    public var deadLetterReason: DeadLetterReason? { deadReason.flatMap(DeadLetterReason.init(rawValue:)) }

    /// Whether this is a dead letter still waiting for an operator.
    public var isOpenDeadLetter: Bool { state == .dead && resolution == nil }

    /// The columns `init(row:)` reads, in order.
    static let columns = """
        id, case_id, update_id, connector, sequence, state, due_at, lease_owner, lease_until, attempt_count, \
        created_at, updated_at, last_error, backoffice_reference, dead_reason, replay_of, \
        payload, payload_content_type, resolution, resolved_at
        """

    /// Reads a row selected with `columns`.
    init(row: Statement) throws {
        let stateText = row.string(5)
        guard let state = DeliveryState(rawValue: stateText) else {
            throw SQLiteError(code: SQLITE_MISMATCH, message: "unknown delivery state '\(stateText)'", sql: row.sql, path: row.path)
        }
        id = row.column(0)
        caseID = row.column(1)
        updateID = row.column(2)
        connector = row.column(3)
        sequence = row.column(4)
        self.state = state
        dueAt = row.column(6)
        leaseOwner = row.column(7)
        leaseUntil = row.column(8)
        attemptCount = row.column(9)
        createdAt = row.column(10)
        updatedAt = row.column(11)
        lastError = row.column(12)
        backofficeReference = row.column(13)
        deadReason = row.column(14)
        replayOf = row.column(15)
        payload = row.column(16)
        payloadContentType = row.column(17)
        let resolutionText: String? = row.column(18)
        if let resolutionText {
            guard let resolution = DeadLetterResolution(rawValue: resolutionText) else {
                throw SQLiteError(code: SQLITE_MISMATCH, message: "unknown dead-letter resolution '\(resolutionText)'",
                                  sql: row.sql, path: row.path)
            }
            self.resolution = resolution
        } else {
            resolution = nil
        }
        resolvedAt = row.column(19)
    }
}
