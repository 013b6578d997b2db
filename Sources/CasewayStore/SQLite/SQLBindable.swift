/// A Swift value that can be bound to a statement parameter.
public protocol SQLBindable {
    /// Binds this value to the parameter at `index` (from 1) of `statement`.
    func bind(to statement: Statement, at index: Int32) throws
}

extension Int64: SQLBindable {
    /// Binds as INTEGER.
    public func bind(to statement: Statement, at index: Int32) throws { try statement.bind(self, at: index) }
}

extension Int: SQLBindable {
    /// Binds as INTEGER.
    public func bind(to statement: Statement, at index: Int32) throws { try statement.bind(Int64(self), at: index) }
}

extension Int32: SQLBindable {
    /// Binds as INTEGER.
    public func bind(to statement: Statement, at index: Int32) throws { try statement.bind(Int64(self), at: index) }
}

extension Bool: SQLBindable {
    /// Binds as INTEGER 1 or 0.
    public func bind(to statement: Statement, at index: Int32) throws { try statement.bind(Int64(self ? 1 : 0), at: index) }
}

extension Double: SQLBindable {
    /// Binds as REAL.
    public func bind(to statement: Statement, at index: Int32) throws { try statement.bind(self, at: index) }
}

extension String: SQLBindable {
    /// Binds as TEXT.
    public func bind(to statement: Statement, at index: Int32) throws { try statement.bind(self, at: index) }
}

extension Array: SQLBindable where Element == UInt8 {
    /// Binds as BLOB.
    public func bind(to statement: Statement, at index: Int32) throws { try statement.bind(self, at: index) }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    /// Binds the wrapped value, or NULL.
    public func bind(to statement: Statement, at index: Int32) throws {
        switch self {
        case .some(let value): try value.bind(to: statement, at: index)
        case .none: try statement.bindNull(at: index)
        }
    }
}
