import CSQLite

/// One try of a delivery: when, how long, how it ended, and what the far side said.
public struct AttemptRecord: Sendable, Hashable {
    /// The attempt's id.
    public var id: RecordID
    /// The delivery tried.
    public var deliveryID: RecordID
    /// When the attempt started.
    public var startedAt: Timestamp
    /// How long it took, in milliseconds.
    public var durationMilliseconds: Int64
    /// How it ended.
    public var outcome: AttemptOutcome
    /// The HTTP status, for HTTP connectors.
    public var httpStatus: Int?
    /// What went wrong, when something did.
    public var error: String?
    /// The back office's reference, when it gave one.
    public var reference: String?

    /// Creates an attempt record.
    public init(id: RecordID, deliveryID: RecordID, startedAt: Timestamp, durationMilliseconds: Int64,
                outcome: AttemptOutcome, httpStatus: Int? = nil, error: String? = nil, reference: String? = nil) {
        self.id = id
        self.deliveryID = deliveryID
        self.startedAt = startedAt
        self.durationMilliseconds = durationMilliseconds
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.error = error
        self.reference = reference
    }

    /// The columns `init(row:)` reads, in order.
    static let columns = "id, delivery_id, started_at, duration_ms, outcome, http_status, error, reference"

    /// Reads a row selected with `columns`.
    init(row: Statement) throws {
        let outcomeText = row.string(4)
        guard let outcome = AttemptOutcome(rawValue: outcomeText) else {
            throw SQLiteError(code: SQLITE_MISMATCH, message: "unknown attempt outcome '\(outcomeText)'", sql: row.sql, path: row.path)
        }
        self.init(id: row.column(0), deliveryID: row.column(1), startedAt: row.column(2), durationMilliseconds: row.column(3),
                  outcome: outcome, httpStatus: row.column(5), error: row.column(6), reference: row.column(7))
    }
}
