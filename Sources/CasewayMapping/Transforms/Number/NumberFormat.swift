/// How a number is written into a legacy field: a fixed number of decimals, zero padding, optional grouping.
///
/// Rounding is half away from zero on the decimal value (`2.5` → `3`, `-2.5` → `-3`, `2.675` → `2.68`). A Double
/// is first written as the shortest decimal that reads back as the same Double, which is what the source document
/// showed; `printf("%.2f", 2.675)` gives `2.67` because it rounds the binary value 2.67499999…, and a council's
/// finance file should not depend on that. A result that rounds to zero is written without a minus sign.
public struct NumberFormat: Sendable, Hashable {
    /// Digits after the decimal point, 0 to 20; 0 rounds to a whole number and writes no point.
    public let fractionDigits: Int
    /// Pad with zeros after any sign to at least this many characters (`%05d`); 0 for no padding.
    public let zeroPaddedWidth: Int
    /// Written between groups of three integer digits (`1,234,567`), or nil for none.
    public let groupingSeparator: Character?

    /// Largest number of integer digits written, so a hostile `1e999999999` is refused rather than expanded.
    static let maximumIntegerDigits = 309

    /// Creates a format. Zero padding and grouping cannot be combined: fixed-width fields never group, and
    /// `0,001,234` is not a number anyone wants.
    public init(fractionDigits: Int = 0, zeroPaddedWidth: Int = 0, groupingSeparator: Character? = nil) throws(TransformError) {
        guard (0...20).contains(fractionDigits) else {
            throw TransformError(.invalidArgument, value: String(fractionDigits), reason: "is not a number of decimals (0 to 20)", argument: "decimals")
        }
        guard (0...100).contains(zeroPaddedWidth) else {
            throw TransformError(.invalidArgument, value: String(zeroPaddedWidth), reason: "is not a field width (0 to 100)", argument: "width")
        }
        if let groupingSeparator {
            guard zeroPaddedWidth == 0 else {
                throw TransformError(.invalidArgument, text: String(groupingSeparator), reason: "cannot group digits in a zero-padded field", argument: "grouping")
            }
            guard !groupingSeparator.isNumber, groupingSeparator != "-", groupingSeparator != "+", groupingSeparator != "." else {
                throw TransformError(.invalidArgument, text: String(groupingSeparator), reason: "cannot separate groups of digits", argument: "grouping")
            }
        }
        self.fractionDigits = fractionDigits
        self.zeroPaddedWidth = zeroPaddedWidth
        self.groupingSeparator = groupingSeparator
    }

    /// Writes a Double; NaN and infinity have no place in a legacy field and are refused.
    public func format(_ value: Double) throws(TransformError) -> String {
        guard value.isFinite else { throw TransformError(.notANumber, number: value, reason: "is not a finite number") }
        guard let decimal = DecimalDigits(value.description) else {
            throw TransformError(.notANumber, number: value, reason: "cannot be written as a decimal")
        }
        return try format(decimal, shownAs: "\(value)")
    }

    /// Writes an integer.
    public func format(_ value: Int) -> String {
        let decimal = DecimalDigits(isNegative: value < 0, digits: String(value.magnitude).utf8.map { $0 - UInt8(ascii: "0") }, exponent: 0)
        // An Int has at most 19 digits, far inside the limit, so this cannot fail.
        return (try? format(decimal, shownAs: String(value))) ?? String(value)
    }

    /// Writes number text (a JSON number, a CSV cell) exactly, without passing through a Double.
    public func format(numberText text: some StringProtocol) throws(TransformError) -> String {
        try format(Self.decimal(text), shownAs: TransformError.quoted(text))
    }

    private func format(_ decimal: DecimalDigits, shownAs shown: String) throws(TransformError) -> String {
        guard decimal.integerDigitCount <= Self.maximumIntegerDigits else {
            throw TransformError(.outOfRange, value: shown, reason: "is too large to write out in full")
        }
        let rounded = decimal.rounded(toFractionDigits: fractionDigits)
        let digits = rounded.digits
        // Leading zeros so that there is at least one integer digit: 0.05 is digits [5] with 2 decimals.
        let leadingZeros = max(0, fractionDigits + 1 - digits.count)
        let integerCount = digits.count + leadingZeros - fractionDigits
        let isNegative = rounded.isNegative && !rounded.isZero
        let separator = groupingSeparator.map { Array(String($0).utf8) } ?? []

        var bytes: [UInt8] = []
        bytes.reserveCapacity(zeroPaddedWidth + digits.count + leadingZeros + 2 + integerCount / 3 * separator.count)
        if isNegative { bytes.append(UInt8(ascii: "-")) }
        let length = (isNegative ? 1 : 0) + integerCount + (fractionDigits > 0 ? fractionDigits + 1 : 0)
        if zeroPaddedWidth > length {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: zeroPaddedWidth - length))
        }
        for position in 0..<(digits.count + leadingZeros) {
            if position == integerCount {
                bytes.append(UInt8(ascii: "."))
            } else if position > 0, position < integerCount, !separator.isEmpty, (integerCount - position) % 3 == 0 {
                bytes.append(contentsOf: separator)
            }
            bytes.append(position < leadingZeros ? UInt8(ascii: "0") : UInt8(ascii: "0") + digits[position - leadingZeros])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
