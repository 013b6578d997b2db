/// JSON5 unquoted object keys: ECMAScript IdentifierNames such as `service_code`, `$ref` or `größe`.
extension JSONScanner {
    /// Reads the identifier at `index`; nil (consuming nothing) if no identifier starts there.
    mutating func readIdentifierKey() throws(JSONParseError) -> String? {
        let start = index
        // Fast path: plain ASCII names, taken straight from the input.
        while index < count {
            let byte = bytes[index]
            if Self.isASCIIIdentifierStart(byte) || (index > start && byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                index += 1
            } else {
                break
            }
        }
        guard index < count, bytes[index] >= 0x80 || bytes[index] == UInt8(ascii: "\\") else {
            return index > start ? text(from: start) : nil
        }
        // Slow path: escapes or non-ASCII letters.
        var name = String.UnicodeScalarView()
        name.append(contentsOf: text(from: start).unicodeScalars)
        while index < count {
            let scalarStart = index
            let value: UInt32
            if bytes[index] == UInt8(ascii: "\\") {
                index += 1
                guard index < count, bytes[index] == UInt8(ascii: "u") else { throw unexpected("'u' after '\\' in a key name") }
                index += 1
                value = try readKeyHexScalar()
            } else if bytes[index] >= 0x80 {
                guard let (decoded, length) = scalar(at: index) else { throw invalidUTF8(at: index) }
                value = decoded
                index += length
            } else {
                guard Self.isASCIIIdentifierStart(bytes[index]) || (bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")) else {
                    break
                }
                value = UInt32(bytes[index])
                index += 1
            }
            guard let scalar = Unicode.Scalar(value), Self.isIdentifierScalar(scalar, first: name.isEmpty) else {
                index = scalarStart
                if bytes[scalarStart] == UInt8(ascii: "\\") {
                    throw failure(.syntax, "escape \\u\(Self.hex(value, digits: 4)) is not a letter allowed in a key name", at: scalarStart)
                }
                break
            }
            name.append(scalar)
        }
        return name.isEmpty ? nil : String(name)
    }

    private mutating func readKeyHexScalar() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < count, let digit = Self.hexValue(bytes[index]) else { throw unexpected("4 hex digits after '\\u'") }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private static func isASCIIIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
    }

    /// ECMAScript IdentifierStart / IdentifierPart: ID_Start (and `$`, `_`), then ID_Continue, ZWNJ, ZWJ.
    private static func isIdentifierScalar(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
        if scalar == "$" || scalar == "_" { return true }
        if first { return scalar.properties.isIDStart }
        return scalar.properties.isIDContinue || scalar.value == 0x200C || scalar.value == 0x200D
    }
}
