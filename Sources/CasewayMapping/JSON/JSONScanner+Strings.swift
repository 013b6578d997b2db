/// Strings and UTF-8. A string without escapes becomes a `String` straight from its bytes in the input;
/// one with escapes is decoded into a reused scratch buffer, never one character at a time.
extension JSONScanner {
    /// Reads the string whose opening quote (`"`, or `'` in JSON5) is at `index`; for a key, also sets
    /// `lastFingerprint`.
    mutating func readString(isKey: Bool = false) throws(JSONParseError) -> String {
        let quote = bytes[index]
        let open = index
        index += 1
        let start = index
        guard try skipUnescapedContent(quote: quote, open: open) else {
            return try readEscapedString(quote: quote, open: open, start: start, isKey: isKey)
        }
        let content = UnsafeBufferPointer(start: bytes + start, count: index - start)
        if isKey { lastFingerprint = Self.fingerprint(of: content) }
        index += 1
        return String(decoding: content, as: UTF8.self)
    }

    /// Moves `index` over string content up to the closing `quote` (true) or the first backslash (false),
    /// checking UTF-8 and control characters on the way; throws if the string never closes. Shared by
    /// `readString` and the mapping tape, which only needs to know where a string ends.
    @inline(__always)
    mutating func skipUnescapedContent(quote: UInt8, open: Int) throws(JSONParseError) -> Bool {
        let quoteWord = UInt64(quote) &* 0x0101_0101_0101_0101
        while index < count {
            // Look at eight bytes at a time and jump straight to the first one that is not plain ASCII
            // text; a byte-at-a-time loop costs more than all the rest of parsing.
            if index &+ 8 <= count {
                let special = Self.specialBytes(UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self), quoteWord: quoteWord)
                if special == 0 {
                    index &+= 8
                    continue
                }
                index &+= special.trailingZeroBitCount >> 3
            }
            let byte = bytes[index]
            if byte == quote { return true }
            if byte == UInt8(ascii: "\\") { return false }
            if byte >= 0x80 {
                index += try sequenceLength(at: index)
            } else {
                if byte < 0x20 { try checkControlCharacter(byte) }
                index += 1
            }
        }
        throw unclosedString(open: open)
    }

    /// The slow path of `readString`, from the first backslash on; `start` is the first content byte.
    private mutating func readEscapedString(quote: UInt8, open: Int, start: Int, isKey: Bool) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        var run = start
        while index < count {
            let byte = bytes[index]
            if byte != quote && byte != UInt8(ascii: "\\") && byte >= 0x20 {
                index += byte >= 0x80 ? try sequenceLength(at: index) : 1
                continue
            }
            if byte < 0x20 {
                try checkControlCharacter(byte)
                index += 1
                continue
            }
            scratch.append(contentsOf: UnsafeBufferPointer(start: bytes + run, count: index - run))
            if byte == quote {
                index += 1
                return scratch.withUnsafeBufferPointer { content in
                    if isKey { lastFingerprint = Self.fingerprint(of: content) }
                    return String(decoding: content, as: UTF8.self)
                }
            }
            try readEscape(open: open)
            run = index
        }
        throw unclosedString(open: open)
    }

    /// Decodes the escape whose backslash is at `index` into `scratch`.
    private mutating func readEscape(open: Int) throws(JSONParseError) {
        let backslash = index
        index += 1
        guard index < count else { throw unclosedString(open: open) }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(letter)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"): appendUTF8(try readUnicodeEscape(backslash: backslash))
        default:
            guard isJSON5 else {
                let shown = (0x21...0x7E).contains(letter)
                    ? "'\\\(Character(Unicode.Scalar(letter)))'" : "'\\' followed by \(describe(at: backslash + 1))"
                throw failure(
                    .syntax,
                    "invalid escape \(shown) in string; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX",
                    at: backslash
                )
            }
            try readJSON5Escape(letter, backslash: backslash)
        }
    }

    /// The escapes JSON5 adds to JSON's: ECMAScript's, including line continuations.
    private mutating func readJSON5Escape(_ letter: UInt8, backslash: Int) throws(JSONParseError) {
        switch letter {
        case UInt8(ascii: "v"): scratch.append(0x0B)
        case UInt8(ascii: "0"):
            guard !(index < count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")) else {
                throw failure(.syntax, "invalid escape '\\0' followed by a digit in string; JSON5 has no octal escapes", at: backslash)
            }
            scratch.append(0)
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            throw failure(.syntax, "invalid escape '\\\(Character(Unicode.Scalar(letter)))' in string; JSON5 has no octal escapes", at: backslash)
        case UInt8(ascii: "x"):
            guard index + 1 < count, let high = Self.hexValue(bytes[index]), let low = Self.hexValue(bytes[index + 1]) else {
                if index < count, Self.hexValue(bytes[index]) != nil { index += 1 }
                throw unexpected("2 hex digits after '\\x'")
            }
            index += 2
            appendUTF8(high << 4 | low)
        case UInt8(ascii: "\n"):
            break
        case UInt8(ascii: "\r"):
            // A continued line ends with CR, LF or CRLF; the escape swallows all of it.
            if index < count && bytes[index] == UInt8(ascii: "\n") { index += 1 }
        case 0x80...:
            index -= 1
            let length = try sequenceLength(at: index)
            let value = scalar(at: index)?.value ?? 0
            if value != 0x2028 && value != 0x2029 {
                scratch.append(contentsOf: UnsafeBufferPointer(start: bytes + index, count: length))
            }
            index += length
        default:
            // Any other character escapes to itself (`\'`, `\a`).
            scratch.append(letter)
        }
    }

    /// Reads the four hex digits after `\u` (and a following low surrogate escape if needed).
    private mutating func readUnicodeEscape(backslash: Int) throws(JSONParseError) -> UInt32 {
        let high = try readFourHexDigits()
        switch high {
        case 0xD800...0xDBFF:
            guard index + 1 < count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw loneSurrogate(high, at: backslash)
            }
            let lowStart = index
            index += 2
            let low = try readFourHexDigits()
            guard (0xDC00...0xDFFF).contains(low) else {
                index = lowStart
                throw loneSurrogate(high, at: backslash)
            }
            return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        case 0xDC00...0xDFFF:
            throw loneSurrogate(high, at: backslash)
        default:
            return high
        }
    }

    private mutating func readFourHexDigits() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < count, let digit = Self.hexValue(bytes[index]) else {
                throw unexpected("4 hex digits after '\\u'")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private mutating func loneSurrogate(_ value: UInt32, at offset: Int) -> JSONParseError {
        let which = value >= 0xDC00 ? "a low surrogate without a high surrogate before it" : "a high surrogate without a low surrogate escape after it"
        return failure(.syntax, "lone surrogate \\u\(Self.hex(value, digits: 4)) in string: \(which)", at: offset)
    }

    /// Refuses raw control characters: JSON refuses them all, JSON5 only line breaks.
    private mutating func checkControlCharacter(_ byte: UInt8) throws(JSONParseError) {
        if isJSON5 {
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { return }
            throw failure(.syntax, "line break in string; end the line with '\\' to continue the string on the next line", at: index)
        }
        let escape: String
        switch byte {
        case 0x08: escape = "\\b"
        case 0x09: escape = "\\t"
        case 0x0A: escape = "\\n"
        case 0x0C: escape = "\\f"
        case 0x0D: escape = "\\r"
        default: escape = "\\u" + Self.hex(UInt32(byte), digits: 4)
        }
        throw failure(.syntax, "control character U+\(Self.hex(UInt32(byte), digits: 4)) in string must be escaped as \(escape)", at: index)
    }

    private mutating func unclosedString(open: Int) -> JSONParseError {
        unexpectedEnd("the string started at \(location(at: open)) is not closed")
    }

    /// Appends a scalar, already checked to be one (not a surrogate), as UTF-8.
    mutating func appendUTF8(_ value: UInt32) {
        switch value {
        case ..<0x80:
            scratch.append(UInt8(value))
        case ..<0x800:
            scratch.append(UInt8(0xC0 | value >> 6))
            scratch.append(UInt8(0x80 | value & 0x3F))
        case ..<0x10000:
            scratch.append(UInt8(0xE0 | value >> 12))
            scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | value & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | value >> 18))
            scratch.append(UInt8(0x80 | value >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// The length of the valid UTF-8 sequence at `offset`, or an "invalid UTF-8" error.
    mutating func sequenceLength(at offset: Int) throws(JSONParseError) -> Int {
        guard let (_, length) = scalar(at: offset) else { throw invalidUTF8(at: offset) }
        return length
    }

    /// Decodes the UTF-8 sequence at `offset`, refusing overlong forms, surrogates and values past
    /// U+10FFFF (Unicode Table 3-7); nil if it is not valid.
    func scalar(at offset: Int) -> (value: UInt32, length: Int)? {
        let lead = bytes[offset]
        if lead < 0x80 { return (UInt32(lead), 1) }
        func continuation(_ position: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt32? {
            guard offset + position < count else { return nil }
            let byte = bytes[offset + position]
            guard byte >= low && byte <= high else { return nil }
            return UInt32(byte & 0x3F)
        }
        switch lead {
        case 0xC2...0xDF:
            guard let first = continuation(1) else { return nil }
            return (UInt32(lead & 0x1F) << 6 | first, 2)
        case 0xE0...0xEF:
            let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
            guard let first = continuation(1, low, high), let second = continuation(2) else { return nil }
            return (UInt32(lead & 0x0F) << 12 | first << 6 | second, 3)
        case 0xF0...0xF4:
            let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
            guard let first = continuation(1, low, high), let second = continuation(2), let third = continuation(3) else {
                return nil
            }
            return (UInt32(lead & 0x07) << 18 | first << 12 | second << 6 | third, 4)
        default:
            return nil
        }
    }

    /// Marks (with its high bit) each of the eight bytes in `word`, read from memory in order, that is the
    /// quote, a backslash, a control character or not ASCII, so the first one is found by counting
    /// trailing zero bits. Each test adds within a byte only, so no carry crosses into a neighbour.
    @inline(__always)
    static func specialBytes(_ word: UInt64, quoteWord: UInt64) -> UInt64 {
        let word = UInt64(littleEndian: word)
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let high: UInt64 = 0x8080_8080_8080_8080
        // (b & 0x7F) + 0x7F has its high bit set unless b & 0x7F is zero: a zero byte test.
        let quote = word ^ quoteWord
        let backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
        let notQuote = (quote & low7) &+ low7 | quote
        let notBackslash = (backslash & low7) &+ low7 | backslash
        // (b & 0x7F) + 0x60 has its high bit set when b & 0x7F >= 0x20.
        let notControl = (word & low7) &+ 0x6060_6060_6060_6060
        return (~(notQuote & notBackslash & notControl) | word) & high
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
