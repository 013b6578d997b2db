extension HTTPRequestParser {
    /// Finds and parses a complete request line and header section (RFC 9112 §2.1, §3, §5).
    mutating func parseHead(_ bytes: UnsafeRawBufferPointer, from offset: inout Int) throws(HTTPParseError) -> HTTPRequestHead? {
        // §2.2: a server SHOULD ignore at least one empty line (CRLF) received prior to the request-line.
        if scanOffset == 0 {
            while offset + 1 < bytes.count, bytes[offset] == ASCII.cr, bytes[offset + 1] == ASCII.lf {
                offset += 2
            }
            if offset < bytes.count, bytes[offset] == ASCII.lf {
                throw .malformedRequestLine("bare LF before the request line")
            }
            // A CR alone may be the first half of another empty line: wait for its LF before scanning, as
            // a started scan no longer skips empty lines (and the request would get 400 for how TCP split it).
            if bytes.count - offset == 1, bytes[offset] == ASCII.cr {
                return nil
            }
        }
        let start = offset
        guard let end = try findEndOfHead(bytes, start: start) else {
            if bytes.count - start > limits.maxHeadSize {
                throw .headerSectionTooLarge("the request line and header fields exceed \(limits.maxHeadSize) bytes")
            }
            return nil
        }
        guard end - start <= limits.maxHeadSize else {
            throw .headerSectionTooLarge("the request line and header fields exceed \(limits.maxHeadSize) bytes")
        }
        scanOffset = 0
        let head = try parseHeadSection(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
        offset = end
        state = .awaitingBodyStart(head.framing)
        return head
    }

    /// The index just past the empty line that ends the header section, nil when it has not arrived.
    private mutating func findEndOfHead(_ bytes: UnsafeRawBufferPointer, start: Int) throws(HTTPParseError) -> Int? {
        var index = start + scanOffset
        while index < bytes.count {
            if bytes[index] == ASCII.lf {
                // §2.2: lines end in CRLF; a bare LF is not accepted here, so that this parser and any
                // intermediary in front of it cannot disagree about where a line ends.
                guard index > start, bytes[index - 1] == ASCII.cr else {
                    throw .malformedHeader("bare LF in the header section")
                }
                if index - start >= 3, bytes[index - 2] == ASCII.lf {
                    return index + 1
                }
            }
            index += 1
        }
        scanOffset = bytes.count - start
        return nil
    }

    /// Parses a header section known to be complete (it ends with CRLF CRLF).
    private func parseHeadSection(_ head: UnsafeRawBufferPointer) throws(HTTPParseError) -> HTTPRequestHead {
        var lineStart = 0
        var lineEnd = nextLineEnd(head, from: 0)
        let (method, target, version) = try parseRequestLine(UnsafeRawBufferPointer(rebasing: head[0..<lineEnd]))
        var headers: [HTTPField] = []
        headers.reserveCapacity(8)
        var interpretation = FieldInterpretation()
        lineStart = lineEnd + 2
        while lineStart < head.count - 2 {
            lineEnd = nextLineEnd(head, from: lineStart)
            guard headers.count < limits.maxHeaderCount else {
                throw .tooManyHeaders("more than \(limits.maxHeaderCount) header fields")
            }
            let line = UnsafeRawBufferPointer(rebasing: head[lineStart..<lineEnd])
            let field = try Self.parseFieldLine(line, isFirst: headers.isEmpty)
            try interpretation.record(field, line: line)
            headers.append(field)
            lineStart = lineEnd + 2
        }
        return try interpretation.head(method: method, target: target, version: version, headers: HTTPHeaders(headers))
    }

    /// The index of the CR that ends the line starting at `start` (every line of a complete head has one).
    private func nextLineEnd(_ head: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        while index < head.count, head[index] != ASCII.lf { index += 1 }
        return index - 1
    }

    /// request-line = method SP request-target SP HTTP-version (§3).
    private func parseRequestLine(_ line: UnsafeRawBufferPointer) throws(HTTPParseError) -> (HTTPMethod, String, HTTPVersion) {
        var index = 0
        while index < line.count, ASCII.isTokenCharacter(line[index]) { index += 1 }
        guard index > 0, index < line.count, line[index] == ASCII.space else {
            throw .malformedRequestLine("the request line does not start with a method token and one space")
        }
        let method = HTTPMethod(rawValue: String(decoding: UnsafeRawBufferPointer(rebasing: line[0..<index]), as: UTF8.self))
        let targetStart = index + 1
        index = targetStart
        while index < line.count, ASCII.isTargetCharacter(line[index]) { index += 1 }
        guard index > targetStart, index < line.count, line[index] == ASCII.space else {
            throw .malformedRequestLine("the request-target is missing or contains whitespace or control characters")
        }
        let targetBytes = UnsafeRawBufferPointer(rebasing: line[targetStart..<index])
        let versionBytes = UnsafeRawBufferPointer(rebasing: line[(index + 1)...])
        let version = try parseVersion(versionBytes)
        // §3.2: origin-form, absolute-form, authority-form (CONNECT only) or asterisk-form (OPTIONS only).
        let first = targetBytes[0]
        if first != ASCII.slash {
            let isAsterisk = targetBytes.count == 1 && first == UInt8(ascii: "*") && method == .options
            let isAbsolute = targetBytes.firstIndex(of: ASCII.colon).map {
                $0 > 0 && targetBytes[($0 + 1)...].starts(with: "//".utf8)
            } ?? false
            guard isAsterisk || isAbsolute else {
                throw .malformedRequestLine("the request-target is neither a path, an absolute URI nor * for OPTIONS")
            }
        }
        return (method, String(decoding: targetBytes, as: UTF8.self), version)
    }

    /// HTTP-version = "HTTP/" DIGIT "." DIGIT (§2.3); only major version 1 is served.
    private func parseVersion(_ bytes: UnsafeRawBufferPointer) throws(HTTPParseError) -> HTTPVersion {
        func digit(_ byte: UInt8) -> Int? {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
        }
        guard bytes.count == 8, bytes.starts(with: "HTTP/".utf8), bytes[6] == UInt8(ascii: "."),
              let major = digit(bytes[5]), let minor = digit(bytes[7]) else {
            throw .malformedRequestLine("the request line does not end with an HTTP version such as HTTP/1.1")
        }
        guard major == 1 else {
            throw .unsupportedVersion("HTTP/\(major).\(minor) is not supported; use HTTP/1.1")
        }
        return HTTPVersion(major: 1, minor: minor)
    }

    /// field-line = field-name ":" OWS field-value OWS (§5).
    static func parseFieldLine(_ line: UnsafeRawBufferPointer, isFirst: Bool) throws(HTTPParseError) -> HTTPField {
        guard let first = line.first else { throw .malformedHeader("empty header field line") }
        if ASCII.isWhitespace(first) {
            // §5.2: obs-fold is rejected with 400; §2.2: so is whitespace between the start-line and the first field.
            throw .malformedHeader(isFirst
                ? "whitespace between the request line and the first header field"
                : "obsolete line folding (a header line starting with whitespace)")
        }
        var colon = 0
        while colon < line.count, ASCII.isTokenCharacter(line[colon]) { colon += 1 }
        guard colon < line.count, line[colon] == ASCII.colon else {
            if colon < line.count, ASCII.isWhitespace(line[colon]) {
                // §5.1: a server MUST reject whitespace between a field name and the colon with 400.
                throw .malformedHeader("whitespace between a header field name and its colon")
            }
            throw .malformedHeader("a header field line is not name \":\" value, or the name has invalid characters")
        }
        guard colon > 0 else { throw .malformedHeader("a header field has an empty name") }
        let rawValue = UnsafeRawBufferPointer(rebasing: line[(colon + 1)...])
        for byte in rawValue where !ASCII.isFieldValueCharacter(byte) {
            // §5.5 / §2.2: CR, LF, NUL and other controls in a value are rejected, never passed on.
            throw .malformedHeader(byte == ASCII.cr
                ? "bare CR in a header field"
                : "control character 0x\(String(byte, radix: 16)) in a header field value")
        }
        let value = rawValue.trimmingOWS()
        return HTTPField(
            name: String(decoding: UnsafeRawBufferPointer(rebasing: line[0..<colon]), as: UTF8.self),
            value: String(decoding: value, as: UTF8.self)
        )
    }
}
