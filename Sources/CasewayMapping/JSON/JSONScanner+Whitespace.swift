/// Whitespace, and in JSON5 comments and the wider Unicode whitespace of ECMAScript.
extension JSONScanner {
    /// Skips whitespace (and JSON5 comments) at `index`.
    @inline(__always)
    mutating func skipWhitespace() throws(JSONParseError) {
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t") {
                index += 1
            } else if isJSON5, try skipJSON5Space(byte) {
                continue
            } else {
                return
            }
        }
    }

    /// Skips one comment or one JSON5-only whitespace character; false if there is none at `index`.
    private mutating func skipJSON5Space(_ byte: UInt8) throws(JSONParseError) -> Bool {
        switch byte {
        case 0x0B, 0x0C:
            index += 1
            return true
        case UInt8(ascii: "/"):
            try skipComment()
            return true
        case 0x80...:
            guard let (value, length) = scalar(at: index), Self.isJSON5Whitespace(value) else { return false }
            index += length
            return true
        default:
            return false
        }
    }

    /// Skips the `//` or `/* */` comment at `index`, checking that what it says is valid UTF-8.
    private mutating func skipComment() throws(JSONParseError) {
        let start = index
        index += 1
        guard index < count else { throw unexpected("'/' or '*' after '/' to start a comment") }
        switch bytes[index] {
        case UInt8(ascii: "/"):
            index += 1
            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return }
                if byte >= 0x80 {
                    let length = try sequenceLength(at: index)
                    if let (value, _) = scalar(at: index), value == 0x2028 || value == 0x2029 { return }
                    index += length
                } else {
                    index += 1
                }
            }
        case UInt8(ascii: "*"):
            index += 1
            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "*"), index + 1 < count, bytes[index + 1] == UInt8(ascii: "/") {
                    index += 2
                    return
                }
                index += byte >= 0x80 ? try sequenceLength(at: index) : 1
            }
            throw unexpectedEnd("the comment started at \(location(at: start)) is not closed")
        default:
            throw unexpected("'/' or '*' after '/' to start a comment")
        }
    }

    /// ECMAScript WhiteSpace and LineTerminator beyond ASCII: NBSP, BOM, the Zs separators, U+2028, U+2029.
    private static func isJSON5Whitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0xA0, 0xFEFF, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
