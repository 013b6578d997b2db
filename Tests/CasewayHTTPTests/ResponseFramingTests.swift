import Testing
@testable import CasewayHTTP

/// The response encoder: HEAD / 204 / 304 × a handler's Content-Length / Transfer-Encoding: chunked.
struct ResponseFramingTests {
    func encode(_ response: HTTPResponse, head: Bool = false, keepAlive: Bool = true) -> String {
        var output: [UInt8] = []
        HTTPResponseEncoder.encode(response, context: .init(isHeadRequest: head, keepAlive: keepAlive, date: Array("Mon, 23 Nov 2026 10:00:00 GMT".utf8)), into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    enum Framing: CaseIterable { case contentLength, chunked }

    @Test(arguments: [200, 204, 304], Framing.allCases)
    func getResponses(_ code: Int, _ framing: Framing) {
        var headers: HTTPHeaders = ["ETag": "\"x\""]
        switch framing {
        case .contentLength: headers.add("Content-Length", "999")
        case .chunked: headers.add("Transfer-Encoding", "chunked")
        }
        let text = encode(HTTPResponse(status: HTTPStatus(code: code), headers: headers, body: Array("hello".utf8)))
        #expect(!text.contains("Transfer-Encoding"))
        #expect(!text.contains("999"))
        #expect(text.contains("ETag: \"x\"\r\n"))
        if code == 200 {
            #expect(text.hasSuffix("Content-Length: 5\r\n\r\nhello"))
        } else {
            // RFC 9112 §6.3 rule 1: 204 and 304 end at the header section, and carry no Content-Length.
            #expect(!text.contains("Content-Length"))
            #expect(text.hasSuffix("\r\n\r\n"))
        }
    }

    @Test(arguments: [200, 204, 304], Framing.allCases)
    func headResponses(_ code: Int, _ framing: Framing) {
        var headers: HTTPHeaders = [:]
        switch framing {
        case .contentLength: headers.add("Content-Length", "1234")
        case .chunked: headers.add("Transfer-Encoding", "chunked")
        }
        let withBody = encode(HTTPResponse(status: HTTPStatus(code: code), headers: headers, body: Array("hello".utf8)), head: true)
        let withoutBody = encode(HTTPResponse(status: HTTPStatus(code: code), headers: headers), head: true)
        #expect(withBody.hasSuffix("\r\n\r\n"))
        #expect(!withBody.contains("Transfer-Encoding"))
        if code == 200 {
            // RFC 9110 §9.3.2: the length GET would have had, from the body or from the handler's own field.
            #expect(withBody.contains("Content-Length: 5\r\n"))
            #expect(withoutBody.contains(framing == .contentLength ? "Content-Length: 1234\r\n" : "Content-Length: 0\r\n"))
        } else {
            #expect(!withBody.contains("Content-Length"))
        }
    }

    @Test func statusLineDateAndConnection() {
        let text = encode(.text("hi", status: .created), keepAlive: false)
        #expect(text.hasPrefix("HTTP/1.1 201 Created\r\n"))
        #expect(text.contains("Date: Mon, 23 Nov 2026 10:00:00 GMT\r\n"))
        #expect(text.contains("Connection: close\r\n"))
    }

    @Test func handlerHeadersCannotSplitTheResponse() {
        let text = encode(HTTPResponse(headers: ["X-Evil": "a\r\nSet-Cookie: x=1", "Bad Name": "v"]))
        #expect(text.contains("X-Evil: a  Set-Cookie: x=1\r\n"))
        #expect(!text.contains("Bad Name"))
    }

    @Test func dateIsIMFFixdate() {
        #expect(HTTPDate.format(784111777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        var date = HTTPDate()
        #expect(String(decoding: date.value(at: 0), as: UTF8.self) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }

    @Test func problemJSONIsEscapedAndComplete() {
        let response = HTTPResponse.problem(
            status: .unprocessableContent,
            title: "Invalid case",
            detail: "Field \"name\" is\nbad\u{1}",
            type: "https://caseway.example/problems/validation",
            errors: [(field: "name", message: "must not be empty"), (field: "address.postcode", message: "is not a UK postcode")]
        )
        #expect(response.headers["Content-Type"] == "application/problem+json")
        let json = String(decoding: response.body, as: UTF8.self)
        #expect(json == #"{"type":"https://caseway.example/problems/validation","title":"Invalid case","status":422,"detail":"Field \"name\" is\nbad\u0001","errors":[{"field":"name","message":"must not be empty"},{"field":"address.postcode","message":"is not a UK postcode"}]}"#)
        let minimal = String(decoding: HTTPResponse.problem(status: .notFound).body, as: UTF8.self)
        #expect(minimal == #"{"type":"about:blank","title":"Not Found","status":404}"#)
    }
}
