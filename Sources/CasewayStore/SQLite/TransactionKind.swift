/// How a transaction takes its locks (SQLite's BEGIN DEFERRED, IMMEDIATE or EXCLUSIVE).
public enum TransactionKind: Sendable {
    /// Takes locks on first use; for reads.
    case deferred
    /// Takes the write lock at once, so that the transaction cannot fail later with SQLITE_BUSY on upgrade.
    case immediate
    /// Like immediate; in WAL mode the same.
    case exclusive

    var beginSQL: String {
        switch self {
        case .deferred: "BEGIN DEFERRED"
        case .immediate: "BEGIN IMMEDIATE"
        case .exclusive: "BEGIN EXCLUSIVE"
        }
    }
}
