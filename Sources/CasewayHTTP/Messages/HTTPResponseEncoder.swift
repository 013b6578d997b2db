/// Writes responses as HTTP/1.1 bytes: status line, header fields, framing, then content.
enum HTTPResponseEncoder {
    /// What the encoder needs to know about the request being answered.
    struct Context {
        /// HEAD gets the header fields GET would get, without content (RFC 9110 §9.3.2).
        var isHeadRequest = false
        /// Whether the connection stays open after this response.
        var keepAlive = true
        /// HTTP/1.0 clients only keep a connection open when told so explicitly (RFC 9112 §9.3).
        var announceKeepAlive = false
        /// The `Date` value, from the loop's once-a-second cache.
        var date: [UInt8] = []
    }

    /// Appends the encoded `response` to `output`.
    static func encode(_ response: HTTPResponse, context: Context, into output: inout [UInt8]) {
        let status = response.status
        append("HTTP/1.1 ", to: &output)
        appendDecimal(status.code, to: &output)
        output.append(ASCII.space)
        appendSanitized(status.reasonPhrase.utf8, to: &output)
        append("\r\n", to: &output)

        var declaredLength: String?
        var hasDate = false
        for field in response.headers {
            // Framing and connection management are the server's: a handler's own values could
            // contradict the bytes actually sent (RFC 9112 §6).
            if HTTPHeaders.namesMatch(field.name, "Content-Length") {
                declaredLength = field.value
                continue
            }
            if HTTPHeaders.namesMatch(field.name, "Transfer-Encoding") || HTTPHeaders.namesMatch(field.name, "Connection") {
                continue
            }
            guard !field.name.isEmpty, field.name.utf8.allSatisfy(ASCII.isTokenCharacter) else { continue }
            if HTTPHeaders.namesMatch(field.name, "Date") { hasDate = true }
            output.append(contentsOf: field.name.utf8)
            append(": ", to: &output)
            appendSanitized(field.value.utf8, to: &output)
            append("\r\n", to: &output)
        }
        if !hasDate, !context.date.isEmpty {
            append("Date: ", to: &output)
            output.append(contentsOf: context.date)
            append("\r\n", to: &output)
        }
        // RFC 9112 §6.3 rule 1 / RFC 9110 §8.6: no Content-Length on 1xx, 204 and 304.
        if status.allowsContent {
            append("Content-Length: ", to: &output)
            if context.isHeadRequest, response.body.isEmpty, let declaredLength,
               !declaredLength.isEmpty, declaredLength.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                // A HEAD handler may state the length GET would have without producing the content.
                output.append(contentsOf: declaredLength.utf8)
            } else {
                appendDecimal(response.body.count, to: &output)
            }
            append("\r\n", to: &output)
        }
        if !context.keepAlive {
            append("Connection: close\r\n", to: &output)
        } else if context.announceKeepAlive {
            append("Connection: keep-alive\r\n", to: &output)
        }
        append("\r\n", to: &output)
        if status.allowsContent, !context.isHeadRequest {
            output.append(contentsOf: response.body)
        }
    }

    /// `100 Continue` (RFC 9110 §15.2.1), the interim response that invites the body.
    static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Appends a literal with one copy (a String's UTF-8 view goes through a slower generic path).
    @inline(__always)
    private static func append(_ literal: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends the decimal digits of a non-negative integer without creating a String.
    static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        guard value > 0 else {
            output.append(UInt8(ascii: "0"))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var remaining = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while remaining > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) {
                output.append(buffer[index])
            }
        }
    }

    /// Copies a value, turning any byte not allowed in a field value (CR, LF, NUL...) into a space,
    /// so that no handler can split a response.
    private static func appendSanitized(_ bytes: String.UTF8View, to output: inout [UInt8]) {
        if bytes.allSatisfy(ASCII.isFieldValueCharacter) {
            output.append(contentsOf: bytes)
            return
        }
        for byte in bytes {
            output.append(ASCII.isFieldValueCharacter(byte) ? byte : ASCII.space)
        }
    }
}
