/// One record of a CSV file, with the line it starts on so that an import can say where a bad value is.
public struct CSVRecord: Sendable, Hashable {
    /// The 1-based line the record starts on (a quoted line break makes a record span several lines).
    public let line: Int
    /// The record's fields, unquoted.
    public let fields: [String]

    /// A record read from `line`.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// The field at `index`, or nil when the record is shorter.
    public subscript(index: Int) -> String? {
        fields.indices.contains(index) ? fields[index] : nil
    }
}
