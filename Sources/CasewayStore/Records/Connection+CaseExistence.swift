extension Connection {
    /// Whether a case with `id` is stored; reads the primary key only, never the body.
    public func caseExists(id: RecordID) throws -> Bool {
        try scalar("SELECT 1 FROM cases WHERE id = ?", id, as: Int64.self) != nil
    }

    /// The client that submitted case `id` (the case's origin, where its updates travel back to); nil when
    /// there is no such case. Reads one column, never the body.
    public func caseClient(id: RecordID) throws -> String? {
        try scalar("SELECT client FROM cases WHERE id = ?", id, as: String.self)
    }
}
