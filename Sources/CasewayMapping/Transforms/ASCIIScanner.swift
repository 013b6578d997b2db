/// A cursor over the UTF-8 bytes of short text whose structure is ASCII (dates, numbers), for parsers on the hot path.
struct ASCIIScanner {
    let bytes: [UInt8]
    private(set) var position = 0

    init(_ text: some StringProtocol) {
        bytes = Array(text.utf8)
    }

    var isAtEnd: Bool { position >= bytes.count }

    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    /// The position as a person counts it: 1-based, in characters rather than bytes (only for messages).
    var characterColumn: Int {
        String(decoding: bytes[..<min(position, bytes.count)], as: UTF8.self).count + 1
    }

    mutating func advance(by count: Int = 1) {
        position = min(bytes.count, position + count)
    }

    /// Consumes `byte` if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        position += 1
        return true
    }

    /// Consumes `literal` if the text continues with exactly those bytes.
    mutating func take(_ literal: [UInt8]) -> Bool {
        guard bytes.count - position >= literal.count else { return false }
        for (offset, byte) in literal.enumerated() where bytes[position + offset] != byte { return false }
        position += literal.count
        return true
    }

    /// Consumes between `minimum` and `maximum` ASCII digits (as many as there are) and returns their value.
    mutating func digits(minimum: Int, maximum: Int) -> (value: Int, count: Int)? {
        var value = 0
        var count = 0
        while count < maximum, let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            count += 1
            position += 1
        }
        guard count >= minimum else {
            position -= count
            return nil
        }
        return (value, count)
    }

    /// Consumes exactly `count` ASCII digits.
    mutating func digits(exactly count: Int) -> Int? {
        digits(minimum: count, maximum: count)?.value
    }

    /// Consumes `literal` if the text continues with it, comparing ASCII letters without regard to case.
    mutating func takeIgnoringCase(_ literal: [UInt8]) -> Bool {
        guard bytes.count - position >= literal.count else { return false }
        for (offset, byte) in literal.enumerated() where Self.folded(bytes[position + offset]) != Self.folded(byte) {
            return false
        }
        advance(by: literal.count)
        return true
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
