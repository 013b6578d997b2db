/// Locations and error messages. Nothing here runs on the success path unless locations are recorded.
extension JSONScanner {
    /// Line and column of a byte offset, counting columns in Unicode scalars and LF, CR and CRLF as
    /// line breaks.
    mutating func location(at offset: Int) -> SourceLocation {
        let target = min(offset, count)
        if target < cursor.offset { cursor = SourceLocation(line: 1, column: 1, offset: 0) }
        var line = cursor.line
        var column = cursor.column
        var position = cursor.offset
        while position < target {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte == UInt8(ascii: "\r") && !(position + 1 < count && bytes[position + 1] == UInt8(ascii: "\n")) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Continuation bytes belong to the scalar their lead byte already counted.
                column += 1
            }
            position += 1
        }
        cursor = SourceLocation(line: line, column: column, offset: target)
        return cursor
    }

    mutating func failure(_ kind: JSONParseError.Kind, _ message: String, at offset: Int) -> JSONParseError {
        JSONParseError(kind: kind, message: message, location: location(at: offset))
    }

    /// "malformed JSON" or "malformed JSON5", the prefix of errors about truncated input.
    var malformed: String { isJSON5 ? "malformed JSON5" : "malformed JSON" }

    /// The error for reaching the end of the input while `what` was still open.
    mutating func unexpectedEnd(_ detail: String) -> JSONParseError {
        failure(.unexpectedEnd, "\(malformed): unexpected end of input at byte \(count) (\(detail))", at: count)
    }

    /// The error for finding something other than `expected` at `index`. Invalid UTF-8 there is reported
    /// as such, because "found byte 0xFF" would hide the real problem.
    mutating func unexpected(_ expected: String) -> JSONParseError {
        guard index < count else { return unexpectedEnd("expected \(expected)") }
        if bytes[index] >= 0x80, scalar(at: index) == nil {
            return invalidUTF8(at: index)
        }
        return failure(.syntax, "expected \(expected), found \(describe(at: index))", at: index)
    }

    mutating func invalidUTF8(at offset: Int) -> JSONParseError {
        failure(.invalidUTF8, "\(isJSON5 ? "text" : "body") is not valid UTF-8 at byte \(offset)", at: offset)
    }

    /// Refuses byte order marks: UTF-16 and UTF-32 ones because the text is then not UTF-8 at all, and
    /// in strict JSON the UTF-8 one too (RFC 8259 §8.1). JSON5 treats U+FEFF as whitespace, so there a
    /// UTF-8 byte order mark, as some Windows editors write, is skipped like any other.
    mutating func rejectByteOrderMark() throws(JSONParseError) {
        // Only these lead bytes can start a byte order mark; anything else costs one comparison.
        guard bytes[0] == 0x00 || bytes[0] >= 0xEF else { return }
        func starts(_ pattern: [UInt8]) -> Bool {
            count >= pattern.count && pattern.indices.allSatisfy { bytes[$0] == pattern[$0] }
        }
        let encoding: String?
        if starts([0x00, 0x00, 0xFE, 0xFF]) {
            encoding = "a UTF-32BE byte order mark (00 00 FE FF)"
        } else if starts([0xFF, 0xFE, 0x00, 0x00]) {
            encoding = "a UTF-32LE byte order mark (FF FE 00 00)"
        } else if starts([0xFE, 0xFF]) {
            encoding = "a UTF-16BE byte order mark (FE FF)"
        } else if starts([0xFF, 0xFE]) {
            encoding = "a UTF-16LE byte order mark (FF FE)"
        } else {
            encoding = nil
        }
        if let encoding {
            throw failure(.invalidUTF8, "\(isJSON5 ? "text" : "body") is not valid UTF-8 at byte 0: it starts with \(encoding)", at: 0)
        }
        if !isJSON5, starts([0xEF, 0xBB, 0xBF]) {
            throw failure(
                .byteOrderMark,
                "body starts with a UTF-8 byte order mark (EF BB BF), which JSON does not allow; send the text without it",
                at: 0
            )
        }
    }

    /// What is at `offset`, as an error message should show it: `'x'`, `'é' (U+00E9)`, `a line break`.
    func describe(at offset: Int) -> String {
        guard offset < count else { return "end of input" }
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "\n"): return "a line break"
        case UInt8(ascii: "\r"): return "a carriage return"
        case UInt8(ascii: "\t"): return "a tab"
        case UInt8(ascii: " "): return "a space"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        case 0x80...:
            guard let (value, _) = scalar(at: offset), let scalar = Unicode.Scalar(value) else {
                return "byte 0x\(Self.hex(UInt32(byte), digits: 2))"
            }
            return "'\(Character(scalar))' (U+\(Self.hex(value, digits: 4)))"
        default:
            return "control character U+\(Self.hex(UInt32(byte), digits: 4))"
        }
    }

    /// A key or string as an error message quotes it: JSON-escaped, and cut short so a hostile megabyte
    /// key is not echoed into logs.
    func quoted(_ text: String) -> String {
        var result = "\""
        var length = 0
        for scalar in text.unicodeScalars {
            if length == 60 {
                result += "…"
                break
            }
            length += 1
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                result += "\\u" + Self.hex(scalar.value, digits: 4)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
