/// Writes RFC 4180 CSV for back offices that take file drops: quotes only where needed, CRLF line ends.
///
/// A field is quoted when it contains the delimiter, a double quote, CR or LF, or begins or ends with a space or
/// tab (which spreadsheet imports would otherwise trim); quotes inside are doubled. The output is a Swift
/// `String`, whose `utf8` view is the file's bytes: UTF-8 without a byte-order mark, as RFC 4180 consumers expect.
///
/// Formula guard (off by default, because it changes data): a field starting with `=`, `+`, `-`, `@`, tab or CR
/// gets a leading `'`, so that a spreadsheet opening the file shows the text instead of running it (OWASP
/// "CSV Injection"). Turn it on for files people open in Excel; leave it off for files a back office imports,
/// where `-5` must stay `-5` and `'-5` would be a corrupt value.
public struct CSVWriter: Sendable, Hashable {
    /// Between fields: `,` by default; `;`, tab or `|` for back offices that ask for them.
    public let delimiter: Character
    /// After every record, including the last: `\r\n` (RFC 4180) or `\n`.
    public let lineEnding: String
    /// Whether fields that a spreadsheet would run as formulas get a leading `'`.
    public let guardsAgainstFormulas: Bool

    private let delimiterByte: UInt8
    private let delimiterText: String

    /// Creates a writer; the delimiter must be one ASCII character other than a quote, CR or LF.
    public init(delimiter: Character = ",", lineEnding: String = "\r\n", guardsAgainstFormulas: Bool = false) throws(TransformError) {
        delimiterByte = try CSVWriter.checkedDelimiter(delimiter)
        delimiterText = String(delimiter)
        guard lineEnding == "\r\n" || lineEnding == "\n" else {
            throw TransformError(.invalidArgument, text: lineEnding, reason: "is not a CSV line ending (\"\\r\\n\" or \"\\n\")", argument: "lineEnding")
        }
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        self.guardsAgainstFormulas = guardsAgainstFormulas
    }

    /// A whole file: the header row when there is one, then every row.
    public func encode(header: [String]? = nil, rows: [[String]]) -> String {
        var output = ""
        if let header { append(row: header, to: &output) }
        for row in rows { append(row: row, to: &output) }
        return output
    }

    /// One record with its line ending.
    public func encode(row fields: [String]) -> String {
        var output = ""
        append(row: fields, to: &output)
        return output
    }

    /// Appends one record with its line ending to `output`, for writers that build a file row by row.
    public func append(row fields: [String], to output: inout String) {
        var isFirst = true
        for field in fields {
            if !isFirst { output += delimiterText }
            isFirst = false
            append(field: field, to: &output)
        }
        output += lineEnding
    }

    /// One field as it appears in the file.
    public func encode(field: String) -> String {
        var output = ""
        append(field: field, to: &output)
        return output
    }

    private func append(field: String, to output: inout String) {
        var value = field
        if guardsAgainstFormulas, let first = field.utf8.first, Self.formulaStarts.contains(first) {
            value = "'" + field
        }
        guard needsQuotes(value) else {
            output += value
            return
        }
        output += "\""
        // Copy the runs between quotes whole; a quote is ASCII, so every cut falls between characters.
        let utf8 = value.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\"") {
                output += value[runStart..<index]
                output += "\"\""
                runStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output += value[runStart..<utf8.endIndex]
        output += "\""
    }

    private func needsQuotes(_ value: String) -> Bool {
        let bytes = value.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            return true
        }
        return bytes.contains { byte in
            byte == delimiterByte || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }
    }

    /// First bytes that spreadsheets treat as the start of a formula.
    private static let formulaStarts: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"), UInt8(ascii: "\r"),
    ]

    /// The delimiter's byte, or an error for one that would make the file unreadable.
    static func checkedDelimiter(_ delimiter: Character) throws(TransformError) -> UInt8 {
        guard let byte = delimiter.asciiValue, delimiter != "\"", delimiter != "\r", delimiter != "\n", delimiter != "\r\n" else {
            throw TransformError(
                .invalidArgument, text: String(delimiter),
                reason: "cannot be a CSV delimiter (use one ASCII character other than a quote or a line break)", argument: "delimiter")
        }
        return byte
    }
}
