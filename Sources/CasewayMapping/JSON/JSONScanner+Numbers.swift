/// Numbers and the literals `true`, `false`, `null` (and JSON5's `Infinity` and `NaN`). Numbers keep the
/// text they were written as; only JSON5-only forms are rewritten into JSON number text.
extension JSONScanner {
    /// Reads the number starting at `index`.
    mutating func readNumber() throws(JSONParseError) -> JSONNumber {
        if isJSON5 { return try readJSON5Number() }
        let start = index
        try skipJSONNumber()
        return JSONNumber(text: text(from: start))
    }

    /// Moves `index` over the JSON (not JSON5) number starting there, checking its syntax; the mapping
    /// tape keeps where it is instead of its text.
    mutating func skipJSONNumber() throws(JSONParseError) {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        try readIntegerDigits(after: start)
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard readDigits() > 0 else { throw unexpected("a digit after the decimal point") }
        }
        try readExponent()
    }

    /// JSON5 numbers: a `+` sign, `.5`, `5.`, hex, `Infinity` and `NaN` as well as JSON's forms.
    private mutating func readJSON5Number() throws(JSONParseError) -> JSONNumber {
        let start = index
        var negative = false
        var explicitPlus = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            explicitPlus = !negative
            index += 1
        }
        guard index < count else { throw unexpected("a digit after '\(negative ? "-" : "+")'") }
        switch bytes[index] {
        case UInt8(ascii: "I"):
            try expectWord("Infinity")
            return JSONNumber(text: negative ? "-Infinity" : "Infinity")
        case UInt8(ascii: "N"):
            // NaN has no sign worth keeping.
            try expectWord("NaN")
            return JSONNumber(text: "NaN")
        case UInt8(ascii: "0") where index + 1 < count && (bytes[index + 1] | 0x20) == UInt8(ascii: "x"):
            return try readHexNumber(negative: negative)
        default:
            break
        }
        let integerStart = index
        if index < count, bytes[index] != UInt8(ascii: ".") {
            try readIntegerDigits(after: start)
        }
        let integerDigits = index - integerStart
        var fractionDigits = 0
        var hasPoint = false
        if index < count, bytes[index] == UInt8(ascii: ".") {
            hasPoint = true
            index += 1
            fractionDigits = readDigits()
            guard integerDigits > 0 || fractionDigits > 0 else { throw unexpected("a digit after the decimal point") }
        }
        let exponentStart = index
        try readExponent()
        if !explicitPlus && integerDigits > 0 && (!hasPoint || fractionDigits > 0) {
            return JSONNumber(text: text(from: start))
        }
        // Rewrite into JSON number text: drop '+', write `.5` as `0.5` and `5.` as `5`.
        var normal = negative ? "-" : ""
        normal += integerDigits > 0 ? text(from: integerStart, to: integerStart + integerDigits) : "0"
        if fractionDigits > 0 { normal += "." + text(from: exponentStart - fractionDigits, to: exponentStart) }
        normal += text(from: exponentStart)
        return JSONNumber(text: normal)
    }

    /// `0x1F` → `31`, with any number of digits, so a hex literal never loses precision.
    private mutating func readHexNumber(negative: Bool) throws(JSONParseError) -> JSONNumber {
        index += 2
        var digits: [UInt8] = []
        while index < count, let digit = Self.hexValue(bytes[index]) {
            digits.append(UInt8(digit))
            index += 1
        }
        guard !digits.isEmpty else { throw unexpected("a hex digit after '0x'") }
        // Decimal digits, least significant first; multiply by 16 and add each hex digit.
        var decimal: [UInt8] = [0]
        for digit in digits {
            var carry = Int(digit)
            for position in decimal.indices {
                let product = Int(decimal[position]) * 16 + carry
                decimal[position] = UInt8(product % 10)
                carry = product / 10
            }
            while carry > 0 {
                decimal.append(UInt8(carry % 10))
                carry /= 10
            }
        }
        while decimal.count > 1, decimal.last == 0 { decimal.removeLast() }
        var text = negative ? "-" : ""
        for digit in decimal.reversed() { text.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "0") + digit)) }
        return JSONNumber(text: text)
    }

    /// The integer part: `0`, or a non-zero digit and more digits. `start` is where the number began.
    private mutating func readIntegerDigits(after start: Int) throws(JSONParseError) {
        let expected = index > start ? "a digit after '\(Character(Unicode.Scalar(bytes[start])))'" : "a digit"
        guard index < count else { throw unexpected(expected) }
        let first = bytes[index]
        if first == UInt8(ascii: "0") {
            index += 1
            if index < count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                throw failure(.syntax, "leading zeros are not allowed in numbers, found '\(text(from: start, to: index + 1))'", at: index - 1)
            }
        } else if first >= UInt8(ascii: "1") && first <= UInt8(ascii: "9") {
            index += 1
            _ = readDigits()
        } else {
            throw unexpected(expected)
        }
    }

    /// An optional exponent: `e` or `E`, an optional sign, and at least one digit.
    private mutating func readExponent() throws(JSONParseError) {
        guard index < count, bytes[index] | 0x20 == UInt8(ascii: "e") else { return }
        index += 1
        if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard readDigits() > 0 else { throw unexpected("a digit in the exponent") }
    }

    /// Skips decimal digits and says how many there were.
    private mutating func readDigits() -> Int {
        let start = index
        while index < count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }

    /// Reads `true`, `false` or `null` (and, in JSON5, `Infinity` and `NaN`) at `index`.
    mutating func readLiteral() throws(JSONParseError) -> JSONValue {
        let start = index
        var end = index
        while end < count, Self.isWordByte(bytes[end]) { end += 1 }
        let word = text(from: start, to: end)
        switch word {
        case "true": index = end; return .bool(true)
        case "false": index = end; return .bool(false)
        case "null": index = end; return .null
        case "Infinity" where isJSON5, "NaN" where isJSON5: return .number(try readJSON5Number())
        default:
            if end == count, ["true", "false", "null"].contains(where: { $0.hasPrefix(word) }) {
                index = end
                throw unexpectedEnd("expected a value, found \(word)")
            }
            let isMiscased = ["true", "false", "null"].contains(word.lowercased())
            let hint = isJSON5 ? " (a string needs quotes)" : (isMiscased ? " (JSON literals are true, false and null, in lower case)" : "")
            throw failure(.syntax, "expected a value, found '\(word)'\(hint)", at: start)
        }
    }

    /// Consumes `word` at `index` (after a sign), or throws naming what was there instead.
    private mutating func expectWord(_ word: StaticString) throws(JSONParseError) {
        let start = index
        var end = index
        while end < count, Self.isWordByte(bytes[end]) { end += 1 }
        let found = text(from: start, to: end)
        guard found == word.description else {
            if end == count, word.description.hasPrefix(found) { throw unexpectedEnd("expected \(word)") }
            throw failure(.syntax, "expected \(word), found '\(found)'", at: start)
        }
        index = end
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
    }

    /// The input bytes from `start` up to `end` (default: `index`) as a string; only used on ASCII runs.
    func text(from start: Int, to end: Int? = nil) -> String {
        String(decoding: UnsafeBufferPointer(start: bytes + start, count: (end ?? index) - start), as: UTF8.self)
    }
}
