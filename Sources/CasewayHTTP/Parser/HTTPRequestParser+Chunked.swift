extension HTTPRequestParser {
    /// chunk-size [ chunk-ext ] CRLF (RFC 9112 §7.1); false when the line has not fully arrived.
    mutating func parseChunkSize(_ bytes: UnsafeRawBufferPointer, from offset: inout Int) throws(HTTPParseError) -> Bool {
        guard let lineFeed = Self.lineFeed(in: bytes, from: offset, within: limits.maxChunkLineSize) else {
            // The line may be `maxChunkLineSize` bytes plus its CR while the LF is still on its way: only
            // a window that could have held the whole line and its CRLF, with no LF in it, is too long.
            if bytes.count - offset >= limits.maxChunkLineSize + 2 {
                throw .malformedChunk("a chunk-size line exceeds \(limits.maxChunkLineSize) bytes")
            }
            return false
        }
        guard lineFeed > offset, bytes[lineFeed - 1] == ASCII.cr else {
            throw .malformedChunk("bare LF in a chunk-size line")
        }
        let line = UnsafeRawBufferPointer(rebasing: bytes[offset..<(lineFeed - 1)])
        var index = 0
        var size = 0
        while index < line.count, let digit = ASCII.hexValue(line[index]) {
            // A size too large to represent is larger than any limit: saturate, and 413 follows.
            if size > (Int.max - Int(digit)) / 16 {
                size = Int.max
            } else if size != Int.max {
                size = size * 16 + Int(digit)
            }
            index += 1
        }
        guard index > 0 else { throw .malformedChunk("a chunk does not start with a hexadecimal size") }
        // chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ): understood by nobody
        // here, so only checked for stray controls and bounded in total (extension abuse).
        let extensions = UnsafeRawBufferPointer(rebasing: line[index...])
        if let first = extensions.first(where: { !ASCII.isWhitespace($0) }), first != ASCII.semicolon {
            throw .malformedChunk("unexpected characters after a chunk size")
        }
        for byte in extensions where !ASCII.isFieldValueCharacter(byte) {
            throw .malformedChunk("control character 0x\(String(byte, radix: 16)) in a chunk extension")
        }
        chunkExtensionSize += extensions.count
        guard chunkExtensionSize <= limits.maxHeadSize else {
            throw .malformedChunk("chunk extensions exceed \(limits.maxHeadSize) bytes in total")
        }
        if size == 0 {
            state = .trailers(size: 0, count: 0)
        } else {
            guard size <= bodyLimit - body.count else {
                throw .contentTooLarge("the chunked content exceeds \(bodyLimit) bytes, the most this resource accepts")
            }
            state = .chunkData(remaining: size)
        }
        offset = lineFeed + 1
        return true
    }

    /// One line of the trailer section (§7.1.2); true at the empty line that ends the message, nil when
    /// the line has not fully arrived. Trailer fields are checked like header fields, then dropped.
    mutating func parseTrailerLine(_ bytes: UnsafeRawBufferPointer, from offset: inout Int, size: Int, count: Int) throws(HTTPParseError) -> Bool? {
        let room = limits.maxHeadSize - size
        guard let lineFeed = Self.lineFeed(in: bytes, from: offset, within: room + 1) else {
            if bytes.count - offset > room {
                throw .headerSectionTooLarge("the trailer section exceeds \(limits.maxHeadSize) bytes")
            }
            return nil
        }
        guard lineFeed > offset, bytes[lineFeed - 1] == ASCII.cr else {
            throw .malformedChunk("bare LF in the trailer section")
        }
        let line = UnsafeRawBufferPointer(rebasing: bytes[offset..<(lineFeed - 1)])
        offset = lineFeed + 1
        if line.isEmpty { return true }
        guard count < limits.maxHeaderCount else {
            throw .tooManyHeaders("more than \(limits.maxHeaderCount) trailer fields")
        }
        _ = try Self.parseFieldLine(line, isFirst: false)
        state = .trailers(size: size + line.count + 2, count: count + 1)
        return false
    }

    /// The index of the first LF at or after `start`, looking at most `limit` bytes ahead.
    private static func lineFeed(in bytes: UnsafeRawBufferPointer, from start: Int, within limit: Int) -> Int? {
        let end = min(bytes.count, start + limit + 2)
        var index = start
        while index < end {
            if bytes[index] == ASCII.lf { return index }
            index += 1
        }
        return nil
    }
}
