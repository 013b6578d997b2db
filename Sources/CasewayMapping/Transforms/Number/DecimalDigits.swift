/// A decimal number as sign, digits and a power of ten: exact for any number text, so rounding it is decimal
/// rounding and `2.675` to two places is `2.68`, as a person reading the document expects.
struct DecimalDigits: Sendable, Hashable {
    var isNegative: Bool
    /// Digit values 0–9, most significant first, without leading zeros; empty for zero.
    var digits: [UInt8]
    /// The value is `digits × 10^exponent`.
    var exponent: Int

    init(isNegative: Bool, digits: [UInt8], exponent: Int) {
        self.isNegative = isNegative
        self.digits = digits
        self.exponent = exponent
    }

    /// Reads `[+-]digits[.digits][(e|E)[+-]digits]`, nothing more: no spaces, no separators, no `.5`, no `5.`,
    /// no `inf` or `nan`. Exponents saturate at ±999,999,999 so silly input cannot overflow.
    init?(_ bytes: some Collection<UInt8>) {
        var iterator = Array(bytes)[...]
        isNegative = false
        if let first = iterator.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            isNegative = first == UInt8(ascii: "-")
            iterator = iterator.dropFirst()
        }
        digits = []
        exponent = 0
        var sawDigit = false
        while let byte = iterator.first, let digit = Self.digitValue(byte) {
            sawDigit = true
            if !(digits.isEmpty && digit == 0) { digits.append(digit) }
            iterator = iterator.dropFirst()
        }
        guard sawDigit else { return nil }
        if iterator.first == UInt8(ascii: ".") {
            iterator = iterator.dropFirst()
            var sawFraction = false
            while let byte = iterator.first, let digit = Self.digitValue(byte) {
                sawFraction = true
                if !(digits.isEmpty && digit == 0) { digits.append(digit) }
                exponent -= 1
                iterator = iterator.dropFirst()
            }
            guard sawFraction else { return nil }
        }
        if let marker = iterator.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            iterator = iterator.dropFirst()
            var exponentIsNegative = false
            if let sign = iterator.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                exponentIsNegative = sign == UInt8(ascii: "-")
                iterator = iterator.dropFirst()
            }
            var written = 0
            var sawExponent = false
            while let byte = iterator.first, let digit = Self.digitValue(byte) {
                sawExponent = true
                written = min(999_999_999, written * 10 + Int(digit))
                iterator = iterator.dropFirst()
            }
            guard sawExponent else { return nil }
            exponent += exponentIsNegative ? -written : written
        }
        guard iterator.isEmpty else { return nil }
    }

    var isZero: Bool { digits.allSatisfy { $0 == 0 } }

    /// Decimal places of the integer part: `123.4` has 3; zero has 0.
    var integerDigitCount: Int { isZero ? 0 : digits.count + exponent }

    /// Rounds to `fractionDigits` places, halves away from zero, leaving `exponent == -fractionDigits`.
    func rounded(toFractionDigits fractionDigits: Int) -> DecimalDigits {
        var result = self
        let target = -fractionDigits
        if exponent >= target {
            result.digits.append(contentsOf: repeatElement(0, count: exponent - target))
            result.exponent = target
            return result
        }
        let dropped = target - exponent
        result.exponent = target
        guard dropped <= digits.count else {
            result.digits = []
            return result
        }
        let firstDropped = digits[digits.count - dropped]
        result.digits.removeLast(dropped)
        if firstDropped >= 5 {
            var index = result.digits.count - 1
            while index >= 0, result.digits[index] == 9 {
                result.digits[index] = 0
                index -= 1
            }
            if index >= 0 { result.digits[index] += 1 } else { result.digits.insert(1, at: 0) }
        }
        return result
    }

    private static func digitValue(_ byte: UInt8) -> UInt8? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : nil
    }
}
