/// Reads RFC 4180 CSV, such as a legacy system's status feed.
///
/// Accepted: CRLF or LF line ends (even mixed), quoted fields holding delimiters, doubled quotes and line breaks,
/// a last line with or without a line end, and a UTF-8 byte-order mark (Excel writes one), which is dropped.
/// Blank lines are skipped, not read as records with one empty field. A lone CR inside an unquoted field is kept
/// as data. Strict where guessing would corrupt data: a quote inside an unquoted field, text after a closing
/// quote, and an unclosed quote are errors with line and column. Records are not required to have equal numbers
/// of fields; the import that knows the columns decides.
public struct CSVReader: Sendable, Hashable {
    /// Between fields: `,` by default.
    public let delimiter: Character
    private let delimiterByte: UInt8

    /// Creates a reader; the delimiter must be one ASCII character other than a quote, CR or LF.
    public init(delimiter: Character = ",") throws(TransformError) {
        delimiterByte = try CSVWriter.checkedDelimiter(delimiter)
        self.delimiter = delimiter
    }

    /// Every record in `text`, header row included.
    public func records(in text: String) throws(CSVError) -> [CSVRecord] {
        try records(bytes: Array(text.utf8))
    }

    /// Every record in a file's bytes, which must be UTF-8.
    public func records(in data: some Collection<UInt8>) throws(CSVError) -> [CSVRecord] {
        let bytes = Array(data)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw Self.encodingError(bytes)
        }
        return try records(bytes: bytes)
    }

    private func records(bytes: [UInt8]) throws(CSVError) -> [CSVRecord] {
        let quote = UInt8(ascii: "\"")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        var records: [CSVRecord] = []
        var fields: [String] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var lineStart = index
        var recordLine = 1
        var recordIsBlank = true

        func error(at position: Int, _ reason: String) -> CSVError {
            let column = String(decoding: bytes[lineStart..<max(lineStart, position)], as: UTF8.self).count + 1
            return CSVError(line: line, column: column, reason: reason)
        }

        /// Length of the line end at `position`, or 0 if there is none.
        func lineEnd(at position: Int) -> Int {
            if bytes[position] == lf { return 1 }
            if bytes[position] == cr, position + 1 < bytes.count, bytes[position + 1] == lf { return 2 }
            return 0
        }

        while index < bytes.count {
            // Start of a field.
            var value: String
            if bytes[index] == quote {
                recordIsBlank = false
                let openLine = line
                let openColumn = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
                index += 1
                var content: [UInt8] = []
                var closed = false
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == quote {
                        if index + 1 < bytes.count, bytes[index + 1] == quote {
                            content.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    if byte == lf {
                        line += 1
                        lineStart = index + 1
                    }
                    content.append(byte)
                    index += 1
                }
                guard closed else {
                    throw CSVError(line: openLine, column: openColumn, reason: "a quoted field is not closed")
                }
                if index < bytes.count, bytes[index] != delimiterByte, lineEnd(at: index) == 0 {
                    throw error(at: index, "text after the closing quote of a field (quote the whole field and double the quotes inside)")
                }
                value = String(decoding: content, as: UTF8.self)
            } else {
                let start = index
                while index < bytes.count, bytes[index] != delimiterByte, lineEnd(at: index) == 0 {
                    if bytes[index] == quote {
                        throw error(at: index, "a quote inside an unquoted field (quote the whole field and double the quotes inside)")
                    }
                    index += 1
                }
                if index > start { recordIsBlank = false }
                value = String(decoding: bytes[start..<index], as: UTF8.self)
            }
            fields.append(value)

            // After a field: a delimiter, a line end or the end of the file.
            if index < bytes.count, bytes[index] == delimiterByte {
                recordIsBlank = false
                index += 1
                if index == bytes.count {
                    fields.append("")
                } else {
                    continue
                }
            }
            if index < bytes.count {
                index += lineEnd(at: index)
                line += 1
                lineStart = index
            }
            if !(recordIsBlank && fields.count == 1) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields = []
            recordLine = line
            recordIsBlank = true
        }
        return records
    }

    /// Where the first byte that is not UTF-8 is, for a message a council officer can act on.
    private static func encodingError(_ bytes: [UInt8]) -> CSVError {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                if String(validating: bytes[lineStart..<index], as: UTF8.self) == nil { break }
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return CSVError(line: line, column: 1, reason: "the line is not UTF-8 text (save the file as UTF-8)")
    }
}
