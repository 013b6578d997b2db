extension RecordID: SQLBindable, SQLColumnValue {
    /// Binds the canonical text.
    public func bind(to statement: Statement, at index: Int32) throws {
        try statement.bind(text, at: index)
    }

    /// Reads the canonical text as stored.
    public static func read(from statement: Statement, at index: Int32) -> RecordID {
        RecordID(unchecked: statement.string(index))
    }
}
