/// Checks text against JSON's number grammar, so a numeric string can be written as a JSON number verbatim.
enum JSONNumberText {
    static func isValid(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let first = bytes.first, isDigit(first) else { return false }
        if first == UInt8(ascii: "0") {
            bytes = bytes.dropFirst()
        } else {
            while let byte = bytes.first, isDigit(byte) { bytes = bytes.dropFirst() }
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard let byte = bytes.first, isDigit(byte) else { return false }
            while let byte = bytes.first, isDigit(byte) { bytes = bytes.dropFirst() }
        }
        if let byte = bytes.first, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard let byte = bytes.first, isDigit(byte) else { return false }
            while let byte = bytes.first, isDigit(byte) { bytes = bytes.dropFirst() }
        }
        return bytes.isEmpty
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
