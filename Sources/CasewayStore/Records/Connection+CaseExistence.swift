extension Connection {
    /// Whether a case with `id` is stored; reads the primary key only, never the body.
    public func caseExists(id: RecordID) throws -> Bool {
        try scalar("SELECT 1 FROM cases WHERE id = ?", id, as: Int64.self) != nil
    }
}
