/// Percent-decoding of URI components (RFC 3986 §2.1).
enum PercentDecoding {
    /// Decodes `%XX` escapes (and `+` as space when `plusAsSpace`); nil when an escape is malformed
    /// or the result is not UTF-8.
    static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes, plusAsSpace: Bool = false) -> String? {
        guard bytes.contains(where: { $0 == ASCII.percent || (plusAsSpace && $0 == UInt8(ascii: "+")) }) else {
            return String(validating: bytes, as: UTF8.self)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == ASCII.percent {
                let first = bytes.index(after: index)
                guard first != bytes.endIndex, let high = ASCII.hexValue(bytes[first]) else { return nil }
                let second = bytes.index(after: first)
                guard second != bytes.endIndex, let low = ASCII.hexValue(bytes[second]) else { return nil }
                decoded.append(high << 4 | low)
                index = bytes.index(after: second)
            } else {
                decoded.append(plusAsSpace && byte == UInt8(ascii: "+") ? ASCII.space : byte)
                index = bytes.index(after: index)
            }
        }
        return String(validating: decoded, as: UTF8.self)
    }
}
