/// Caseway's encoding policy for XML input, applied to the raw bytes before libxml2 sees them.
///
/// Accepted: UTF-8 (declared or not, with or without a byte order mark), ISO-8859-1 and US-ASCII.
/// Those are the encodings libxml2 decodes with its own built-in converters; ISO-8859-1 maps every
/// byte to a character so it cannot fail, and US-ASCII is checked here byte by byte, because
/// libxml2 reports a failed conversion only through its process-wide error handler (stderr),
/// not through the parser context. For the same reason UTF-8 (the default) is validated here, so
/// invalid bytes get an error naming their offset instead of a line on the daemon's stderr.
/// Everything else (UTF-16, UTF-32, windows-1252, ...) is refused with a clear error instead of going
/// through iconv and the same global handler.
enum XMLEncodingCheck {
    /// The names of the accepted encodings as they may appear in the XML declaration (upper-cased).
    private static let utf8Names: Set<String> = ["UTF-8", "UTF8"]
    private static let latin1Names: Set<String> = ["ISO-8859-1"]
    private static let asciiNames: Set<String> = ["US-ASCII", "ASCII"]

    static func check(_ bytes: UnsafeRawBufferPointer, sourceName: String) throws {
        func refuse(_ message: String, offset: Int = 0) -> XMLError {
            XMLError(
                .unsupportedEncoding, message, sourceName: sourceName,
                location: SourceLocation(line: 1, column: 1, offset: offset))
        }
        let utf8BOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
            || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
            || bytes.starts(with: [0x3C, 0x00]) || bytes.starts(with: [0x00, 0x3C])
        {
            throw refuse("UTF-16 and UTF-32 documents are not accepted; send UTF-8")
        }
        func requireUTF8() throws {
            if let offset = firstInvalidUTF8(in: bytes) {
                throw refuse("the document is not valid UTF-8 at byte \(offset)", offset: offset)
            }
        }
        guard let declared = declaredEncoding(in: bytes, skipping: utf8BOM ? 3 : 0) else {
            try requireUTF8()
            return
        }
        let name = declared.uppercased()
        if utf8Names.contains(name) {
            try requireUTF8()
            return
        }
        if utf8BOM {
            throw refuse("the byte order mark says UTF-8 but the XML declaration says '\(declared)'")
        }
        if latin1Names.contains(name) { return }
        if asciiNames.contains(name) {
            if let offset = bytes.firstIndex(where: { $0 >= 0x80 }) {
                throw refuse(
                    "the document declares \(declared) but byte \(offset) (0x\(String(bytes[offset], radix: 16, uppercase: true))) is not ASCII",
                    offset: offset)
            }
            return
        }
        throw refuse("encoding '\(declared)' is not supported; send UTF-8 (ISO-8859-1 and US-ASCII are also accepted)")
    }

    /// The byte offset of the first byte that does not belong to a well-formed UTF-8 sequence, or nil.
    static func firstInvalidUTF8(in bytes: UnsafeRawBufferPointer) -> Int? {
        // ASCII is the common case; only bytes from the first non-ASCII one need decoding.
        guard let firstHigh = bytes.firstIndex(where: { $0 >= 0x80 }) else { return nil }
        var iterator = bytes[firstHigh...].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = firstHigh
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// The value of `encoding="..."` in a leading `<?xml ...?>` declaration, if there is one.
    static func declaredEncoding(in bytes: UnsafeRawBufferPointer, skipping start: Int) -> String? {
        let prefix = Array("<?xml".utf8)
        guard bytes.count >= start + prefix.count + 1,
            bytes[start..<(start + prefix.count)].elementsEqual(prefix),
            isSpace(bytes[start + prefix.count])
        else { return nil }
        // The declaration is short; 512 bytes bounds the scan on hostile input.
        let end = min(bytes.count, start + 512)
        var index = start + prefix.count
        let key = Array("encoding".utf8)
        while index < end {
            if bytes[index] == UInt8(ascii: "?") { return nil }
            if index + key.count <= end, bytes[index..<(index + key.count)].elementsEqual(key) {
                index += key.count
                while index < end, isSpace(bytes[index]) { index += 1 }
                guard index < end, bytes[index] == UInt8(ascii: "=") else { return nil }
                index += 1
                while index < end, isSpace(bytes[index]) { index += 1 }
                guard index < end, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                    return nil
                }
                let quote = bytes[index]
                index += 1
                let valueStart = index
                while index < end, bytes[index] != quote { index += 1 }
                guard index < end else { return nil }
                return String(decoding: bytes[valueStart..<index], as: UTF8.self)
            }
            index += 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
