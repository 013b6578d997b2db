/// An incremental HTTP/1.1 request parser: bytes in, a head, then the whole (de-chunked) body.
///
/// The caller keeps the bytes the parser did not consume and presents them again, followed by
/// newly read bytes. After `.head` the caller decides the body limit (from the route) and calls
/// `startBody(limit:)` before parsing on, so that an oversized body is refused before it is read.
struct HTTPRequestParser: Sendable {
    /// What a call to `parse` found.
    enum Event: Sendable {
        /// A complete request line and header section.
        case head(HTTPRequestHead)
        /// The complete content of the request whose head was reported last.
        case body([UInt8])
    }

    enum State: Equatable, Sendable {
        case head
        case awaitingBodyStart(HTTPBodyFraming)
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers(size: Int, count: Int)
    }

    let limits: HTTPParserLimits
    // Internal rather than private only because the head and chunked parts live in extension files.
    var state = State.head
    /// Where the search for the end of the header section resumes, relative to the head's first byte.
    var scanOffset = 0
    var body: [UInt8] = []
    var bodyLimit = 0
    var chunkExtensionSize = 0

    init(limits: HTTPParserLimits) {
        self.limits = limits
    }

    /// Whether part of a body has been or is about to be read (the body timeout applies).
    var isReadingBody: Bool {
        switch state {
        case .head, .awaitingBodyStart: false
        default: true
        }
    }

    /// Parses from `offset`, advancing it past what was consumed; nil when more bytes are needed.
    mutating func parse(_ bytes: UnsafeRawBufferPointer, from offset: inout Int) throws(HTTPParseError) -> Event? {
        while offset < bytes.count {
            switch state {
            case .head:
                return try parseHead(bytes, from: &offset).map(Event.head)
            case .awaitingBodyStart:
                // The caller must choose the body limit first; nothing is consumed until then.
                return nil
            case .fixedBody(let remaining):
                let take = min(remaining, bytes.count - offset)
                body.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + take)]))
                offset += take
                if take == remaining {
                    return .body(finishBody())
                }
                state = .fixedBody(remaining: remaining - take)
                return nil
            case .chunkSize:
                guard try parseChunkSize(bytes, from: &offset) else { return nil }
            case .chunkData(let remaining):
                let take = min(remaining, bytes.count - offset)
                body.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + take)]))
                offset += take
                state = take == remaining ? .chunkDataEnd : .chunkData(remaining: remaining - take)
            case .chunkDataEnd:
                // chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF (RFC 9112 §7.1)
                let available = bytes.count - offset
                if available >= 1, bytes[offset] != ASCII.cr {
                    throw .malformedChunk("chunk data is not followed by CRLF")
                }
                guard available >= 2 else { return nil }
                guard bytes[offset + 1] == ASCII.lf else { throw .malformedChunk("chunk data is not followed by CRLF") }
                offset += 2
                state = .chunkSize
            case .trailers(let size, let count):
                guard let done = try parseTrailerLine(bytes, from: &offset, size: size, count: count) else { return nil }
                if done { return .body(finishBody()) }
            }
        }
        return nil
    }

    /// Starts reading the content announced by the last head, at most `limit` bytes.
    ///
    /// Returns the (empty) body at once when the request has no content; nil when content follows.
    /// Throws 413 when a Content-Length already exceeds the limit, before any of it is read.
    mutating func startBody(limit: Int) throws(HTTPParseError) -> [UInt8]? {
        guard case .awaitingBodyStart(let framing) = state else { return nil }
        switch framing {
        case .none, .length(0):
            state = .head
            return []
        case .length(let length):
            guard length <= limit else {
                throw .contentTooLarge("the content is \(length) bytes; this resource accepts at most \(limit)")
            }
            // Reserve only a little up front: a client announcing a large body must send it to make it cost memory.
            body.reserveCapacity(min(length, 64 * 1024))
            state = .fixedBody(remaining: length)
        case .chunked:
            bodyLimit = limit
            chunkExtensionSize = 0
            state = .chunkSize
        }
        return nil
    }

    private mutating func finishBody() -> [UInt8] {
        state = .head
        let complete = body
        body = []
        return complete
    }
}
