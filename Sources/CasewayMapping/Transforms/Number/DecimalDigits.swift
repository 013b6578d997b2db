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
    init?(_ text: some StringProtocol) {
        let parsed: DecimalDigits?? = text.utf8.withContiguousStorageIfAvailable { Self.parse($0) }
        if let parsed {
            guard let parsed else { return nil }
            self = parsed
        } else {
            guard let parsed = Array(text.utf8).withUnsafeBufferPointer({ Self.parse($0) }) else { return nil }
            self = parsed
        }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> DecimalDigits? {
        var index = 0
        let count = bytes.count
        func digit(at position: Int) -> UInt8? {
            guard position < count else { return nil }
            let byte = bytes[position]
            return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : nil
        }
        var isNegative = false
        if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            isNegative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(count)
        var exponent = 0
        let integerStart = index
        while let value = digit(at: index) {
            if !(digits.isEmpty && value == 0) { digits.append(value) }
            index += 1
        }
        guard index > integerStart else { return nil }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while let value = digit(at: index) {
                if !(digits.isEmpty && value == 0) { digits.append(value) }
                exponent -= 1
                index += 1
            }
            guard index > fractionStart else { return nil }
        }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentIsNegative = false
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                exponentIsNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            var written = 0
            while let value = digit(at: index) {
                written = min(999_999_999, written * 10 + Int(value))
                index += 1
            }
            guard index > exponentStart else { return nil }
            exponent += exponentIsNegative ? -written : written
        }
        guard index == count else { return nil }
        return DecimalDigits(isNegative: isNegative, digits: digits, exponent: exponent)
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
}
