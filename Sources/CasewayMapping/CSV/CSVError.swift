/// A CSV file that breaks RFC 4180, with where: `line 4, column 18: a quote inside an unquoted field`.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line.
    public let line: Int
    /// 1-based column, in characters.
    public let column: Int
    /// What is wrong there.
    public let reason: String

    /// An error at a 1-based line and column.
    public init(line: Int, column: Int, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String { "line \(line), column \(column): \(reason)" }
}
