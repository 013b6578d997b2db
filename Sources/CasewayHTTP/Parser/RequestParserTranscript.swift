/// What the request parser reads from a byte stream that arrives in given pieces, in comparable form.
///
/// SPI for the fuzzers only (`@_spi(Fuzzing) import CasewayHTTP`, see Fuzz/README.md): the parser stays
/// internal, and this drives it the way `HTTPConnection` does (unconsumed bytes are presented again with
/// the next piece; the body limit is chosen right after each head), so that a fuzzer can check that how a
/// stream is split never changes what is read from it.
@_spi(Fuzzing) public struct RequestParserTranscript: Equatable, Sendable {
    /// One line per head (with the request a handler would see) and per complete body, in order.
    public var events: [String] = []
    /// Why reading stopped, if it did; nothing is read after an error, as a connection closes.
    public var error: HTTPParseError?

    /// Reads `bytes` delivered in pieces of `pieceSizes` (cycled; sizes below 1 count as 1).
    public init(
        reading bytes: [UInt8], pieceSizes: [Int], bodyLimit: Int, maxHeadSize: Int, maxHeaderCount: Int, maxChunkLineSize: Int
    ) {
        var parser = HTTPRequestParser(
            limits: HTTPParserLimits(maxHeadSize: maxHeadSize, maxHeaderCount: maxHeaderCount, maxChunkLineSize: maxChunkLineSize))
        var pending: [UInt8] = []
        var start = 0
        var piece = 0
        while start < bytes.count {
            let size = pieceSizes.isEmpty ? bytes.count : max(1, pieceSizes[piece % pieceSizes.count])
            let end = min(bytes.count, start + size)
            pending.append(contentsOf: bytes[start..<end])
            start = end
            piece += 1
            do {
                let consumed = try read(&pending, with: &parser, bodyLimit: bodyLimit)
                pending.removeFirst(consumed)
            } catch {
                self.error = error
                return
            }
        }
    }

    /// Parses as much of `pending` as possible; returns how many bytes were consumed.
    private mutating func read(_ pending: inout [UInt8], with parser: inout HTTPRequestParser, bodyLimit: Int) throws(HTTPParseError) -> Int {
        var offset = 0
        while offset < pending.count {
            // Typed throws through `withUnsafeBytes` is avoided: it crashes this compiler's IRGen (see ParserTests).
            let result = pending.withUnsafeBytes { raw in
                Result { () throws(HTTPParseError) -> HTTPRequestParser.Event? in try parser.parse(raw, from: &offset) }
            }
            switch try result.get() {
            case nil:
                return offset
            case .head(let head)?:
                let request = head.request(body: [])
                events.append("head \(head) path=\(request.path) query=\(request.query.items)")
                if let body = try parser.startBody(limit: bodyLimit) {
                    events.append(Self.describe(body: body))
                }
            case .body(let body)?:
                events.append(Self.describe(body: body))
            }
        }
        return offset
    }

    /// The body's length and an FNV-1a hash: enough to tell two bodies apart without keeping them.
    private static func describe(body: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "body \(body.count) bytes fnv1a=\(String(hash, radix: 16))"
    }
}
