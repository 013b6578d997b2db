/// A Swift value that can be read from a result column.
///
/// Reads do not throw: the store's tables are STRICT, so a column holds the type it was declared with.
public protocol SQLColumnValue {
    /// Reads the column at `index` (from 0) of the current row of `statement`.
    static func read(from statement: Statement, at index: Int32) -> Self
}

extension Int64: SQLColumnValue {
    /// Reads an INTEGER.
    public static func read(from statement: Statement, at index: Int32) -> Int64 { statement.int64(index) }
}

extension Int: SQLColumnValue {
    /// Reads an INTEGER.
    public static func read(from statement: Statement, at index: Int32) -> Int { Int(truncatingIfNeeded: statement.int64(index)) }
}

extension Bool: SQLColumnValue {
    /// Reads an INTEGER as true when it is not 0.
    public static func read(from statement: Statement, at index: Int32) -> Bool { statement.int64(index) != 0 }
}

extension Double: SQLColumnValue {
    /// Reads a REAL.
    public static func read(from statement: Statement, at index: Int32) -> Double { statement.double(index) }
}

extension String: SQLColumnValue {
    /// Reads TEXT.
    public static func read(from statement: Statement, at index: Int32) -> String { statement.string(index) }
}

extension Array: SQLColumnValue where Element == UInt8 {
    /// Reads a BLOB.
    public static func read(from statement: Statement, at index: Int32) -> [UInt8] { statement.blob(index) }
}

extension Optional: SQLColumnValue where Wrapped: SQLColumnValue {
    /// Reads NULL as nil, anything else as the wrapped type.
    public static func read(from statement: Statement, at index: Int32) -> Wrapped? {
        statement.isNull(index) ? nil : Wrapped.read(from: statement, at: index)
    }
}
