/// Parses JSON request bodies and JSON5 configuration files into a `JSONDocument`.
///
/// The parser works on UTF-8 bytes in one pass, keeps open containers on an explicit stack (so hostile
/// nesting cannot overflow the native stack), refuses duplicate keys, and keeps numbers as written.
///
/// JSON5 numbers are normalised to JSON number text (`0x1F` → `31`, `+.5` → `0.5`, `5.` → `5`);
/// `Infinity`, `-Infinity` and `NaN` are kept as `JSONNumber` text of those names (`isNonFinite` is true),
/// so the configuration layer can refuse them with a location instead of the parser guessing.
///
/// Keys are duplicates when they are the same sequence of Unicode scalars (RFC 8259), so `"é"` written
/// precomposed and decomposed are two keys. Locations count LF, CR and CRLF as line breaks and columns
/// in Unicode scalars, as editors do.
public struct JSONParser: Sendable {
    /// The grammar to accept.
    public var dialect: Dialect
    /// The deepest nesting of arrays and objects accepted; the top-level container is depth 1.
    public var maxDepth: Int
    /// Whether to fill `JSONDocument.valueLocations` and `keyLocations`. Off on the intake hot path,
    /// where it would only cost time; on for configuration, whose errors must point at `line:column`.
    public var recordLocations: Bool

    /// A parser for `dialect`; by default strict JSON, 64 levels deep, recording no locations.
    public init(dialect: Dialect = .json, maxDepth: Int = 64, recordLocations: Bool = false) {
        self.dialect = dialect
        self.maxDepth = maxDepth
        self.recordLocations = recordLocations
    }

    /// Parses UTF-8 bytes that are not already in an array (a socket buffer, a mapped file).
    public func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONDocument {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw JSONParseError(
                kind: .unexpectedEnd,
                message: "\(dialect == .json ? "malformed JSON" : "malformed JSON5"): unexpected end of input at byte 0 (expected a value, found nothing)",
                location: SourceLocation(line: 1, column: 1, offset: 0)
            )
        }
        // The bytes are read as UInt8 and nothing else, whatever type the caller's memory holds.
        var scanner = JSONScanner(
            bytes: base.assumingMemoryBound(to: UInt8.self),
            count: bytes.count,
            isJSON5: dialect == .json5,
            maxDepth: maxDepth,
            recordLocations: recordLocations
        )
        let value = try scanner.parseDocument()
        return JSONDocument(value: value, valueLocations: scanner.valueLocations, keyLocations: scanner.keyLocations)
    }

    /// Parses UTF-8 bytes.
    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONDocument {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) in try parse(buffer) }
        }
        return try result.get()
    }

    /// Parses a text; the string's own UTF-8 is read in place.
    public func parse(_ text: String) throws(JSONParseError) -> JSONDocument {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) in try parse(UnsafeRawBufferPointer(buffer)) }
        }
        return try result.get()
    }
}
