/// What the header fields of a request say about its framing and its connection, gathered line by line.
struct FieldInterpretation {
    private var hostCount = 0
    private var contentLength: Int?
    private var transferCodings: [String] = []
    private var hasTransferEncoding = false
    private var connectionClose = false
    private var connectionKeepAlive = false
    private var expectation: String?

    /// Notes the meaning of one field line; throws when the line alone is already invalid.
    mutating func record(_ field: HTTPField, line: UnsafeRawBufferPointer) throws(HTTPParseError) {
        let name = field.name.utf8
        switch name.count {
        case 4 where HTTPHeaders.asciiCaseInsensitiveEqual(name, "host".utf8):
            hostCount += 1
        case 6 where HTTPHeaders.asciiCaseInsensitiveEqual(name, "expect".utf8):
            expectation = field.value
        case 10 where HTTPHeaders.asciiCaseInsensitiveEqual(name, "connection".utf8):
            for token in field.value.utf8.split(separator: UInt8(ascii: ",")) {
                let option = token.trimmingOWS()
                if HTTPHeaders.asciiCaseInsensitiveEqual(option, "close".utf8) { connectionClose = true }
                if HTTPHeaders.asciiCaseInsensitiveEqual(option, "keep-alive".utf8) { connectionKeepAlive = true }
            }
        case 14 where HTTPHeaders.asciiCaseInsensitiveEqual(name, "content-length".utf8):
            try recordContentLength(field.value)
        case 17 where HTTPHeaders.asciiCaseInsensitiveEqual(name, "transfer-encoding".utf8):
            hasTransferEncoding = true
            for coding in field.value.utf8.split(separator: UInt8(ascii: ",")) {
                let trimmed = coding.trimmingOWS()
                if !trimmed.isEmpty { transferCodings.append(String(decoding: trimmed, as: UTF8.self).lowercased()) }
            }
        default:
            break
        }
    }

    /// Content-Length = 1*DIGIT (RFC 9110 §8.6). A list of identical values, or repeated identical
    /// lines, is one length; differing values are an invalid framing (RFC 9112 §6.3 rule 5).
    private mutating func recordContentLength(_ value: String) throws(HTTPParseError) {
        for element in value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            let digits = element.trimmingOWS()
            guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                throw .invalidFraming("Content-Length \"\(value)\" is not a non-negative decimal number")
            }
            // A number too large to represent is simply larger than any limit: it becomes 413, not an overflow.
            var length = 0
            for digit in digits {
                let (shifted, overflow1) = length.multipliedReportingOverflow(by: 10)
                let (next, overflow2) = shifted.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
                if overflow1 || overflow2 {
                    length = Int.max
                    break
                }
                length = next
            }
            if let existing = contentLength, existing != length {
                throw .invalidFraming("several differing Content-Length values")
            }
            contentLength = length
        }
    }

    /// The head, once every field line has been seen.
    func head(method: HTTPMethod, target: String, version: HTTPVersion, headers: HTTPHeaders) throws(HTTPParseError) -> HTTPRequestHead {
        let isHTTP11 = version.minor >= 1
        // RFC 9112 §3.2: an HTTP/1.1 request without Host, or with several, gets 400.
        if isHTTP11, hostCount == 0 { throw .malformedHeader("an HTTP/1.1 request must have a Host header field") }
        if hostCount > 1 { throw .malformedHeader("more than one Host header field") }

        let framing: HTTPBodyFraming
        if hasTransferEncoding {
            // §6.1: Content-Length with Transfer-Encoding is how requests are smuggled; rejected outright.
            if contentLength != nil {
                throw .invalidFraming("both Content-Length and Transfer-Encoding are present")
            }
            // §6.1: Transfer-Encoding in an HTTP/1.0 message means the framing is faulty.
            guard isHTTP11 else { throw .invalidFraming("Transfer-Encoding in an HTTP/1.0 request") }
            // §6.3 rule 4: if chunked is not the final coding the length cannot be determined: 400.
            guard transferCodings.last == "chunked" else {
                throw .invalidFraming("Transfer-Encoding does not end with chunked")
            }
            // §7: chunked must not be applied more than once.
            guard transferCodings.filter({ $0 == "chunked" }).count == 1 else {
                throw .invalidFraming("chunked is applied more than once")
            }
            // §6.1: a coding the server does not understand gets 501.
            guard transferCodings.count == 1 else {
                throw .unsupportedTransferCoding("only the chunked transfer coding is supported")
            }
            framing = .chunked
        } else if let contentLength {
            framing = .length(contentLength)
        } else {
            framing = .none
        }

        var expectsContinue = false
        if let expectation, isHTTP11 {
            // RFC 9110 §10.1.1: 100-continue is the only expectation defined; an HTTP/1.0 one is ignored.
            guard HTTPHeaders.asciiCaseInsensitiveEqual(expectation.utf8, "100-continue".utf8) else {
                throw .unsupportedExpectation("the expectation \"\(expectation)\" is not supported")
            }
            expectsContinue = true
        }

        // RFC 9112 §9.3: HTTP/1.1 persists unless "close"; HTTP/1.0 only with "keep-alive".
        let keepAlive = !connectionClose && (isHTTP11 || connectionKeepAlive)
        return HTTPRequestHead(
            method: method,
            target: target,
            version: version,
            headers: headers,
            framing: framing,
            keepAlive: keepAlive,
            expectsContinue: expectsContinue
        )
    }
}
