import Testing
@_spi(Fuzzing) @testable import CasewayHTTP

/// The request parser on its own: raw bytes in, heads and bodies (or errors) out.
struct ParserTests {
    let limits = HTTPParserLimits(maxHeadSize: 16 * 1024, maxHeaderCount: 100)

    /// Feeds the parser from `offset` (typed-throws closures are avoided: they crash this compiler's IRGen).
    static func feed(_ parser: inout HTTPRequestParser, _ bytes: [UInt8], from offset: inout Int) throws -> HTTPRequestParser.Event? {
        try bytes.withUnsafeBytes { raw in try parser.parse(raw, from: &offset) }
    }

    /// Parses one request completely; the body limit defaults to 1 MiB.
    func parse(_ text: String, bodyLimit: Int = 1 << 20) throws -> (head: HTTPRequestHead, body: [UInt8], rest: Int) {
        let bytes = Array(text.utf8)
        var parser = HTTPRequestParser(limits: limits)
        var offset = 0
        guard case .head(let head)? = try Self.feed(&parser, bytes, from: &offset) else {
            throw HTTPParseError.malformedRequestLine("test: incomplete head")
        }
        if let body = try parser.startBody(limit: bodyLimit) { return (head, body, bytes.count - offset) }
        guard case .body(let body)? = try Self.feed(&parser, bytes, from: &offset) else {
            throw HTTPParseError.malformedRequestLine("test: incomplete body")
        }
        return (head, body, bytes.count - offset)
    }

    func error(_ text: String, bodyLimit: Int = 1 << 20) -> HTTPParseError? {
        do {
            _ = try parse(text, bodyLimit: bodyLimit)
            return nil
        } catch {
            return error as? HTTPParseError
        }
    }

    // MARK: Heads

    @Test func parsesRequestLineHeadersAndTarget() throws {
        let (head, body, rest) = try parse("GET /v1/cases/42?x=1 HTTP/1.1\r\nHost: hub\r\nAccept:  text/plain \r\n\r\n")
        #expect(head.method == .get)
        #expect(head.target == "/v1/cases/42?x=1")
        #expect(head.version == .http1_1)
        #expect(head.headers["accept"] == "text/plain")
        #expect(head.headers["HOST"] == "hub")
        #expect(head.framing == .none)
        #expect(head.keepAlive)
        #expect(body.isEmpty)
        #expect(rest == 0)
    }

    @Test func ignoresEmptyLinesBeforeTheRequestLine() throws {
        let (head, _, _) = try parse("\r\n\r\nGET / HTTP/1.1\r\nHost: hub\r\n\r\n")
        #expect(head.target == "/")
    }

    /// Found by fuzz-http-request (Fuzz/Corpus/fuzz-http-request/leading-crlf): a CR arriving alone before the
    /// request line started the head scan, so the empty lines were no longer skipped and the request got 400.
    @Test func ignoresEmptyLinesBeforeTheRequestLineSplitAnywhere() throws {
        let text = Array("\r\n\r\nGET / HTTP/1.1\r\nHost: hub\r\n\r\n".utf8)
        for split in 1..<text.count {
            var parser = HTTPRequestParser(limits: limits)
            var buffer = Array(text[0..<split])
            var offset = 0
            var head: HTTPRequestHead?
            for chunk in [Array(text[split...]), []] {
                while offset < buffer.count, head == nil, let event = try Self.feed(&parser, buffer, from: &offset) {
                    if case .head(let parsed) = event { head = parsed }
                }
                buffer = Array(buffer[offset...]) + chunk
                offset = 0
            }
            #expect(head?.target == "/", "split at \(split)")
        }
    }

    @Test func chunkSizeLineAtTheLimit_IsReadTheSameWholeOrSplit() {
        // 64 bytes of chunk-size line; split one byte at a time, the CR arrives before its LF (found by fuzz-http-request).
        let line = "5;" + String(repeating: "a", count: 60) + "=b"
        let request = Array("POST /echo HTTP/1.1\r\nHost: hub\r\nTransfer-Encoding: chunked\r\n\r\n\(line)\r\nhello\r\n0\r\n\r\n".utf8)
        func read(_ pieces: [Int]) -> RequestParserTranscript {
            RequestParserTranscript(
                reading: request, pieceSizes: pieces, bodyLimit: 100, maxHeadSize: 16 * 1024, maxHeaderCount: 100, maxChunkLineSize: 64)
        }
        let whole = read([])
        #expect(whole.error == nil)
        #expect(read([1]) == whole)
        let tooLong = Array("POST /echo HTTP/1.1\r\nHost: hub\r\nTransfer-Encoding: chunked\r\n\r\n\(line)x\r\nhello\r\n0\r\n\r\n".utf8)
        let refused = RequestParserTranscript(
            reading: tooLong, pieceSizes: [1], bodyLimit: 100, maxHeadSize: 16 * 1024, maxHeaderCount: 100, maxChunkLineSize: 64)
        #expect(refused.error != nil, "a 65-byte chunk-size line is over the limit")
    }

    @Test func acceptsAbsoluteFormAndAsteriskForOptions() throws {
        #expect(try parse("GET http://hub:8080/healthz?a=b HTTP/1.1\r\nHost: hub\r\n\r\n").head.request(body: []).path == "/healthz")
        #expect(try parse("OPTIONS * HTTP/1.1\r\nHost: hub\r\n\r\n").head.target == "*")
        #expect(error("GET * HTTP/1.1\r\nHost: hub\r\n\r\n") == .malformedRequestLine)
    }

    @Test func waitsForTheRestOfAHeadSplitAnywhere() throws {
        let text = Array("POST /echo HTTP/1.1\r\nHost: hub\r\nContent-Length: 5\r\n\r\nhello".utf8)
        for split in 1..<text.count {
            var parser = HTTPRequestParser(limits: limits)
            var buffer = Array(text[0..<split])
            var offset = 0
            var head: HTTPRequestHead?
            var body: [UInt8]?
            for chunk in [Array(text[split...]), []] {
                while offset < buffer.count, let event = try Self.feed(&parser, buffer, from: &offset) {
                    switch event {
                    case .head(let parsed):
                        head = parsed
                        _ = try parser.startBody(limit: 100)
                    case .body(let parsed):
                        body = parsed
                    }
                }
                buffer = Array(buffer[offset...]) + chunk
                offset = 0
            }
            #expect(head?.target == "/echo", "split at \(split)")
            #expect(body == Array("hello".utf8), "split at \(split)")
        }
    }

    @Test func http10IsNotKeptAliveUnlessAsked() throws {
        #expect(try parse("GET / HTTP/1.0\r\n\r\n").head.keepAlive == false)
        #expect(try parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").head.keepAlive)
        #expect(try parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: Close\r\n\r\n").head.keepAlive == false)
    }

    // MARK: Malformed input

    @Test(arguments: [
        "GET\r\n\r\n",
        "GET /\r\nHost: h\r\n\r\n",
        "GET  / HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET / HTTP/1.1 \r\nHost: h\r\n\r\n",
        "GE(T / HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /a\u{7f}b HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET / HTTX/1.1\r\nHost: h\r\n\r\n",
        "GET relative HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /\rx HTTP/1.1\r\nHost: h\r\n\r\n",
    ])
    func malformedRequestLinesAre400(_ text: String) {
        let found = error(text)
        #expect(found?.status == .badRequest, "\(text.debugDescription) gave \(String(describing: found))")
    }

    @Test func otherMajorVersionsAre505() {
        #expect(error("GET / HTTP/2.0\r\nHost: h\r\n\r\n") == .unsupportedVersion)
        #expect(error("GET / HTTP/2.0\r\nHost: h\r\n\r\n")?.status.code == 505)
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost : h\r\n\r\n", "whitespace before colon"),
        ("GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n  folded\r\n\r\n", "obs-fold"),
        ("GET / HTTP/1.1\r\n Host: h\r\n\r\n", "whitespace before the first field"),
        ("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\rb\r\n\r\n", "bare CR in a value"),
        ("GET / HTTP/1.1\r\nHost: h\nX-A: b\r\n\r\n", "bare LF"),
        ("GET / HTTP/1.1\nHost: h\r\n\r\n", "bare LF after the request line"),
        ("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\u{0}b\r\n\r\n", "NUL in a value"),
        ("GET / HTTP/1.1\r\nHost: h\r\nNo colon here\r\n\r\n", "no colon"),
        ("GET / HTTP/1.1\r\nHost: h\r\n: empty name\r\n\r\n", "empty name"),
        ("GET / HTTP/1.1\r\n\r\n", "missing Host"),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "two Hosts"),
    ])
    func badHeaderSyntaxIs400(_ text: String, _ reason: String) {
        #expect(error(text)?.status == .badRequest, "\(reason)")
    }

    @Test func oversizedHeadIs431() {
        let big = "GET / HTTP/1.1\r\nHost: h\r\nX-Big: \(String(repeating: "a", count: 17 * 1024))\r\n\r\n"
        #expect(error(big) == .headerSectionTooLarge)
        let longLine = "GET /\(String(repeating: "a", count: 17 * 1024)) HTTP/1.1\r\nHost: h\r\n\r\n"
        #expect(error(longLine)?.status.code == 431)
    }

    @Test func oversizedHeadIs431BeforeItsEndArrives() throws {
        var parser = HTTPRequestParser(limits: limits)
        let partial = Array("GET / HTTP/1.1\r\nX: \(String(repeating: "a", count: 17 * 1024))".utf8)
        var offset = 0
        #expect(throws: HTTPParseError.headerSectionTooLarge) {
            _ = try Self.feed(&parser, partial, from: &offset)
        }
    }

    @Test func tenThousandHeadersAre431() {
        var text = "GET / HTTP/1.1\r\nHost: h\r\n"
        for index in 0..<10_000 { text += "X-\(index): v\r\n" }
        text += "\r\n"
        #expect(error(text)?.status.code == 431)
        var few = "GET / HTTP/1.1\r\nHost: h\r\n"
        for index in 0..<101 { few += "X-\(index): v\r\n" }
        #expect(error(few + "\r\n") == .tooManyHeaders)
    }

    // MARK: Framing (RFC 9112 §6)

    @Test func contentLengthBody() throws {
        let (head, body, rest) = try parse("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhelloGET")
        #expect(head.framing == .length(5))
        #expect(body == Array("hello".utf8))
        #expect(rest == 3)
    }

    @Test func identicalRepeatedContentLengthsAreOneLength() throws {
        #expect(try parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nab").body == Array("ab".utf8))
        #expect(try parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2, 2\r\n\r\nab").body == Array("ab".utf8))
    }

    @Test(arguments: [
        "Content-Length: 2\r\nContent-Length: 3",
        "Content-Length: 2, 3",
        "Content-Length: -1",
        "Content-Length: +5",
        "Content-Length: 0x10",
        "Content-Length: 1 2",
        "Content-Length: ",
    ])
    func invalidContentLengthIs400(_ field: String) {
        #expect(error("POST / HTTP/1.1\r\nHost: h\r\n\(field)\r\n\r\nabc") == .invalidFraming)
    }

    @Test func hugeContentLengthIs413BeforeTheBody() {
        #expect(error("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999999\r\n\r\n") == .contentTooLarge)
        #expect(error("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n", bodyLimit: 10) == .contentTooLarge)
    }

    @Test func contentLengthWithTransferEncodingIsRejected() {
        let smuggle = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
        #expect(error(smuggle) == .invalidFraming)
        let reversed = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n"
        #expect(error(reversed)?.status == .badRequest)
    }

    @Test func transferCodingsOtherThanChunked() {
        // chunked not last: length unknowable, 400 (§6.3 rule 4); an unknown coding before chunked: 501 (§6.1).
        #expect(error("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n") == .invalidFraming)
        #expect(error("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, gzip\r\n\r\n") == .invalidFraming)
        #expect(error("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n")?.status.code == 501)
        #expect(error("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n") == .invalidFraming)
        #expect(error("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") == .invalidFraming)
    }

    // MARK: Chunked bodies (RFC 9112 §7.1)

    @Test func chunkedBodyWithExtensionsAndTrailers() throws {
        let text = "POST /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n"
            + "5;name=value;flag\r\nhello\r\n"
            + "1 ; quoted=\"a b\"\r\n \r\n"
            + "A\r\n0123456789\r\n"
            + "0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\nNEXT"
        let (head, body, rest) = try parse(text)
        #expect(head.framing == .chunked)
        #expect(String(decoding: body, as: UTF8.self) == "hello 0123456789")
        #expect(rest == 4)
    }

    @Test(arguments: [
        ("zz\r\nhello\r\n0\r\n\r\n", "size not hexadecimal"),
        ("\r\nhello\r\n0\r\n\r\n", "size missing"),
        ("5\r\nhelloX\r\n0\r\n\r\n", "data longer than its size"),
        ("5\nhello\r\n0\r\n\r\n", "bare LF after the size"),
        ("5 x\r\nhello\r\n0\r\n\r\n", "junk after the size"),
        ("5;a=\u{1}\r\nhello\r\n0\r\n\r\n", "control in an extension"),
        ("5\r\nhello\r\n0\r\nBad Trailer\r\n\r\n", "malformed trailer"),
        ("5\r\nhello\r\n0\r\nX: a\nY: b\r\n\r\n", "bare LF in trailers"),
    ])
    func malformedChunksAre400(_ chunks: String, _ reason: String) {
        let found = error("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks)
        #expect(found?.status == .badRequest, "\(reason): \(String(describing: found))")
    }

    @Test func chunkExtensionAbuseIsBounded() {
        let line = "1;" + String(repeating: "x", count: 5000) + "\r\na\r\n"
        #expect(error("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n" + line + "0\r\n\r\n") == .malformedChunk)
        let many = String(repeating: "1;" + String(repeating: "x", count: 1000) + "\r\na\r\n", count: 20)
        #expect(error("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n" + many + "0\r\n\r\n") == .malformedChunk)
    }

    @Test func chunkedBodiesAreLimitedAndHugeSizesDoNotOverflow() {
        let prefix = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(error(prefix + "6\r\nabcdef\r\n6\r\nabcdef\r\n0\r\n\r\n", bodyLimit: 10) == .contentTooLarge)
        #expect(error(prefix + "FFFFFFFFFFFFFFFFFFFFFFFF\r\n", bodyLimit: 10) == .contentTooLarge)
    }

    @Test func trailerSectionIsLimitedLikeHeaders() {
        var trailers = ""
        for index in 0..<101 { trailers += "X-\(index): v\r\n" }
        let text = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n" + trailers + "\r\n"
        #expect(error(text)?.status.code == 431)
    }

    @Test func expectContinueIsRecognisedOnlyForHTTP11() throws {
        #expect(try parse("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\na").head.expectsContinue)
        #expect(try parse("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\na").head.expectsContinue == false)
        #expect(error("POST / HTTP/1.1\r\nHost: h\r\nExpect: teapot\r\n\r\n")?.status.code == 417)
    }
}
