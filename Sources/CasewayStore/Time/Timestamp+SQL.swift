extension Timestamp: SQLBindable, SQLColumnValue {
    /// Binds as INTEGER milliseconds since the epoch.
    public func bind(to statement: Statement, at index: Int32) throws {
        try statement.bind(millisecondsSinceEpoch, at: index)
    }

    /// Reads INTEGER milliseconds since the epoch.
    public static func read(from statement: Statement, at index: Int32) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: statement.int64(index))
    }
}
