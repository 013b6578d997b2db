extension NumberFormat {
    /// Reads a number strictly: optional sign, digits, optional `.digits` and exponent, with spaces around it
    /// allowed (fixed-width fields pad) and nothing else: `"about 8"`, `"1,000"`, `"£5"`, `".5"`, `"NaN"` are errors.
    public static func parseDouble(_ text: some StringProtocol) throws(TransformError) -> Double {
        let trimmed = try trimmedNumberText(text)
        guard let value = Double(trimmed), value.isFinite else {
            throw TransformError(.outOfRange, text: text, reason: "is too large for a number")
        }
        return value
    }

    /// Reads a whole number strictly (`"0042"` is 42; `"42.0"` and `"4e1"` are not whole-number text).
    public static func parseInteger(_ text: some StringProtocol) throws(TransformError) -> Int {
        let trimmed = try trimmedNumberText(text)
        guard trimmed.utf8.dropFirst(trimmed.hasPrefix("-") || trimmed.hasPrefix("+") ? 1 : 0)
            .allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else {
            throw TransformError(.notANumber, text: text, reason: "is not a whole number")
        }
        guard let value = Int(trimmed) else {
            throw TransformError(.outOfRange, text: text, reason: "is too large for a whole number")
        }
        return value
    }

    /// The exact decimal value of number text, for formatting without a Double in between.
    static func decimal(_ text: some StringProtocol) throws(TransformError) -> DecimalDigits {
        guard let decimal = DecimalDigits(try trimmedNumberText(text)) else {
            throw TransformError(.notANumber, text: text, reason: "is not a number")
        }
        return decimal
    }

    /// `text` without surrounding spaces and tabs, after checking it is number syntax.
    private static func trimmedNumberText(_ text: some StringProtocol) throws(TransformError) -> Substring {
        let string = Substring(text)
        let isPadding: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = string.firstIndex(where: { !isPadding($0) }), let last = string.lastIndex(where: { !isPadding($0) }) else {
            throw TransformError(.notANumber, text: text, reason: "is not a number")
        }
        let trimmed = string[first...last]
        guard DecimalDigits(trimmed) != nil else {
            throw TransformError(.notANumber, text: text, reason: "is not a number")
        }
        return trimmed
    }
}
