extension Connection {
    /// Up to `limit` updates after feed position `seq` on cases that `caseClient` submitted, in feed order.
    ///
    /// A front office's poll: it sees the answers to its own cases and nothing of another's.
    public func updates(after seq: Int64, limit: Int, caseClient: String) throws -> [UpdateRecord] {
        // The same columns as every other update read, qualified: the join has ids and clients of its own.
        let columns = UpdateRecord.columns.split(separator: ",").map { "u." + $0.filter { !$0.isWhitespace } }
        return try query("""
            SELECT \(columns.joined(separator: ", ")) FROM updates u JOIN cases c ON c.id = u.case_id
            WHERE u.seq > ? AND c.client = ? ORDER BY u.seq LIMIT ?
            """, seq, caseClient, limit) { UpdateRecord(row: $0) }
    }
}
