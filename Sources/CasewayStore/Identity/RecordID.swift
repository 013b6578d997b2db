/// A time-ordered record id: a UUIDv7 (RFC 9562) in lowercase canonical text.
///
/// Ids made by one `RecordIDGenerator` sort in the order they were made, so that the primary-key
/// index is appended to and "ORDER BY id" is creation order. The first 48 bits are the creation time.
public struct RecordID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The canonical text, for example `019a4f0e-8c31-7000-8a1b-1f2e3d4c5b6a`.
    public let text: String

    /// Validates `text` as a lowercase canonical UUIDv7; nil when it is not one.
    public init?(_ text: String) {
        guard RecordID.isCanonicalV7(text) else { return nil }
        self.text = text
    }

    /// Wraps text that is known to be an id (generated here, or read back from the store).
    init(unchecked text: String) {
        self.text = text
    }

    /// The time the id was made (its first 48 bits); the epoch when the text is not an id.
    public var timestamp: Timestamp {
        var milliseconds: Int64 = 0
        var digits = 0
        for byte in text.utf8 where byte != UInt8(ascii: "-") {
            guard let value = RecordID.hexValue(byte) else { return Timestamp(millisecondsSinceEpoch: 0) }
            milliseconds = milliseconds << 4 | Int64(value)
            digits += 1
            if digits == 12 { break }
        }
        return Timestamp(millisecondsSinceEpoch: digits == 12 ? milliseconds : 0)
    }

    /// Orders by creation time (the canonical text sorts that way).
    public static func < (lhs: RecordID, rhs: RecordID) -> Bool {
        lhs.text < rhs.text
    }

    /// The canonical text.
    public var description: String { text }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private static func isCanonicalV7(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (offset, byte) in bytes.enumerated() {
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if hexValue(byte) == nil {
                return false
            }
        }
        // Version 7, and the RFC 9562 variant (binary 10xx: 8, 9, a or b).
        return bytes[14] == UInt8(ascii: "7") && [UInt8(ascii: "8"), UInt8(ascii: "9"), UInt8(ascii: "a"), UInt8(ascii: "b")].contains(bytes[19])
    }
}
