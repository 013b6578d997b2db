import Testing
@testable import CasewayHTTP

/// One connection, bytes in and bytes out: keep-alive, pipelining, bodies, Expect, HTTP/1.0, bad input.
struct ConnectionTests {
    func driver(_ configuration: HTTPServer.Configuration = .init()) -> ConnectionDriver {
        ConnectionDriver(router: .testRoutes(), configuration: configuration)
    }

    @Test func answersAndKeepsTheConnectionOpen() {
        var connection = driver()
        let responses = ParsedResponse.split(connection.send("GET /healthz HTTP/1.1\r\nHost: hub\r\n\r\n"))
        #expect(responses.count == 1)
        #expect(responses.first?.statusLine == "HTTP/1.1 200 OK")
        #expect(responses.first?.header("Content-Length") == "2")
        #expect(responses.first?.header("Connection") == nil)
        #expect(responses.first?.body == "ok")
        #expect(connection.connection.phase == .awaitingHead)
    }

    @Test func pipelinedRequestsInOneWriteAreAnsweredInOrder() async {
        var connection = driver()
        let first = connection.send(
            "GET /echo?q=first HTTP/1.1\r\nHost: hub\r\n\r\nGET /healthz HTTP/1.1\r\nHost: hub\r\n\r\nGET /v1/cases/7 HTTP/1.1\r\nHost: hub\r\n\r\n"
        )
        // The first request runs as a task: nothing may overtake it.
        #expect(first.isEmpty)
        #expect(connection.dispatched.count == 1)
        let rest = await connection.completeNextHandler()
        let responses = ParsedResponse.split(rest)
        #expect(responses.map(\.body) == ["echo first", "ok", "case 7"])
        #expect(connection.connection.phase == .awaitingHead)
    }

    @Test func requestSplitAcrossReadsIsReassembled() {
        var connection = driver()
        #expect(connection.send("GET /v1/ca").isEmpty)
        #expect(connection.send("ses/12 HTTP/1.1\r\nHo").isEmpty)
        let responses = ParsedResponse.split(connection.send("st: hub\r\n\r\n"))
        #expect(responses.first?.body == "case 12")
    }

    @Test func contentLengthBodyReachesTheHandler() async {
        var connection = driver()
        #expect(connection.send("POST /echo HTTP/1.1\r\nHost: hub\r\nContent-Length: 11\r\n\r\nhello").isEmpty)
        #expect(connection.connection.phase == .readingBody)
        _ = connection.send(" world")
        let responses = ParsedResponse.split(await connection.completeNextHandler())
        #expect(responses.first?.body == "hello world")
    }

    @Test func chunkedBodyWithExtensionsAndTrailersReachesTheHandler() async {
        var connection = driver()
        _ = connection.send("POST /echo HTTP/1.1\r\nHost: hub\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n")
        _ = connection.send("5\r\npedia\r\n0\r\nX-Trailer: yes\r\n\r\n")
        let responses = ParsedResponse.split(await connection.completeNextHandler())
        #expect(responses.first?.body == "Wikipedia")
        #expect(connection.connection.phase == .awaitingHead)
    }

    // MARK: Expect: 100-continue (RFC 9110 §10.1.1)

    @Test func expectContinueIsInvitedWhenTheRouteAcceptsTheBody() async {
        var connection = driver()
        let interim = connection.send("POST /echo HTTP/1.1\r\nHost: hub\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n")
        #expect(interim == "HTTP/1.1 100 Continue\r\n\r\n")
        _ = connection.send("abc")
        let responses = ParsedResponse.split(await connection.completeNextHandler())
        #expect(responses.first?.status == 200)
        #expect(responses.first?.body == "abc")
    }

    @Test func expectContinueOverTheRouteLimitGets413WithoutInvitation() {
        var connection = driver()
        let output = connection.send("POST /small HTTP/1.1\r\nHost: hub\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n")
        #expect(!output.contains("100 Continue"))
        let response = ParsedResponse.split(output).first
        #expect(response?.status == 413)
        #expect(response?.header("Connection") == "close")
        #expect(response?.header("Content-Type") == "application/problem+json")
    }

    @Test func expectContinueOnAnUnknownPathGets404WithoutInvitation() {
        var connection = driver()
        let output = connection.send("POST /nowhere HTTP/1.1\r\nHost: hub\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
        #expect(!output.contains("100 Continue"))
        #expect(ParsedResponse.split(output).first?.status == 404)
        #expect(ParsedResponse.split(output).first?.header("Connection") == "close")
    }

    @Test func expectContinueIsNotSentWhenTheBodyAlreadyArrived() async {
        var connection = driver()
        let output = connection.send("POST /echo HTTP/1.1\r\nHost: hub\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nhi")
        #expect(output.isEmpty)
        #expect(ParsedResponse.split(await connection.completeNextHandler()).first?.body == "hi")
    }

    // MARK: Limits

    @Test func oversizedContentLengthIs413BeforeTheBodyIsRead() {
        var connection = driver()
        let response = ParsedResponse.split(connection.send("POST /small HTTP/1.1\r\nHost: hub\r\nContent-Length: 5000\r\n\r\n")).first
        #expect(response?.status == 413)
        #expect(response?.header("Connection") == "close")
        #expect(connection.connection.phase == .lingering)
    }

    @Test func theDefaultBodyLimitAppliesToRoutesWithoutOne() {
        var configuration = HTTPServer.Configuration()
        configuration.defaultBodyLimit = 4
        var connection = driver(configuration)
        let response = ParsedResponse.split(connection.send("POST /echo HTTP/1.1\r\nHost: hub\r\nContent-Length: 5\r\n\r\nhello")).first
        #expect(response?.status == 413)
    }

    // MARK: Connection management (RFC 9112 §9)

    @Test func connectionCloseIsHonoured() {
        var connection = driver()
        let response = ParsedResponse.split(connection.send("GET /healthz HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n")).first
        #expect(response?.header("Connection") == "close")
        #expect(connection.connection.phase == .lingering)
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() {
        var plain = driver()
        #expect(ParsedResponse.split(plain.send("GET /healthz HTTP/1.0\r\n\r\n")).first?.header("Connection") == "close")
        #expect(plain.connection.phase == .lingering)

        var kept = driver()
        let response = ParsedResponse.split(kept.send("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")).first
        #expect(response?.statusLine == "HTTP/1.1 200 OK")
        #expect(response?.header("Connection") == "keep-alive")
        #expect(kept.connection.phase == .awaitingHead)
    }

    @Test func requestsAfterTheClosingOneAreNotAnswered() {
        var connection = driver()
        let output = connection.send("GET /healthz HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\nGET /healthz HTTP/1.1\r\nHost: hub\r\n\r\n")
        #expect(ParsedResponse.split(output).count == 1)
    }

    @Test func headGetsHeadersWithoutBody() {
        var connection = driver()
        let output = connection.send("HEAD /healthz HTTP/1.1\r\nHost: hub\r\n\r\nGET /healthz HTTP/1.1\r\nHost: hub\r\n\r\n")
        let responses = ParsedResponse.split(output, headRequests: [0])
        #expect(responses.count == 2)
        #expect(responses[0].header("Content-Length") == "2")
        #expect(responses[0].body == "")
        #expect(responses[1].body == "ok")
    }

    @Test func pathParametersArePercentDecoded() {
        var connection = driver()
        let response = ParsedResponse.split(connection.send("GET /v1/cases/a%20b%2Fc HTTP/1.1\r\nHost: hub\r\n\r\n")).first
        #expect(response?.body == "case a b/c")
        var bad = driver()
        #expect(ParsedResponse.split(bad.send("GET /v1/cases/%zz HTTP/1.1\r\nHost: hub\r\n\r\n")).first?.status == 400)
    }

    // MARK: Bad input: the right status, then close

    @Test(arguments: [
        ("GET / HTTP/1.1 extra\r\nHost: h\r\n\r\n", 400),
        ("GET /healthz HTTP/1.1\r\nHost : h\r\n\r\n", 400),
        ("GET /healthz HTTP/1.1\r\nHost: h\r\nX: a\r\n b\r\n\r\n", 400),
        ("GET /healthz HTTP/1.1\r\nHost: h\r\nX: a\rb\r\n\r\n", 400),
        ("GET /healthz HTTP/1.1\nHost: h\n\n", 400),
        ("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", 400),
        ("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: -3\r\n\r\n", 400),
        ("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 18446744073709551616\r\n\r\n", 413),
        ("POST /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n", 400),
        ("POST /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n", 400),
        ("POST /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: deflate, chunked\r\n\r\n", 501),
        ("GET /healthz HTTP/3.0\r\nHost: h\r\n\r\n", 505),
    ])
    func badInputGetsItsStatusAndCloses(_ request: String, _ status: Int) {
        var connection = driver()
        let response = ParsedResponse.split(connection.send(request)).first
        #expect(response?.status == status, "\(request.debugDescription)")
        #expect(response?.header("Connection") == "close")
        #expect(response?.header("Content-Type") == "application/problem+json")
        #expect(connection.connection.phase == .lingering)
    }

    @Test func tenThousandHeadersGet431() {
        var connection = driver()
        var request = "GET /healthz HTTP/1.1\r\nHost: h\r\n"
        for index in 0..<10_000 { request += "X-H\(index): value\r\n" }
        request += "\r\n"
        let response = ParsedResponse.split(connection.send(request)).first
        #expect(response?.status == 431)
        #expect(response?.header("Connection") == "close")
    }

    @Test func aBadRequestAfterAGoodOneStillGetsBothAnswers() {
        var connection = driver()
        let responses = ParsedResponse.split(connection.send("GET /healthz HTTP/1.1\r\nHost: h\r\n\r\nGARBAGE\r\n\r\n"))
        #expect(responses.map(\.status) == [200, 400])
        #expect(responses.last?.header("Connection") == "close")
    }

    @Test func disconnectMidBodyClosesWithoutAnswer() {
        var connection = driver()
        _ = connection.send("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\npartial")
        #expect(connection.endOfStream().isEmpty)
        #expect(connection.connection.phase == .closed)
    }

    @Test func halfClosedClientStillGetsEveryResponseItIsOwed() async {
        var connection = driver()
        _ = connection.send("GET /echo?q=x HTTP/1.1\r\nHost: h\r\n\r\nGET /healthz HTTP/1.1\r\nHost: h\r\n\r\nGET /echo?q=y HTTP/1.1\r\nHost: h\r\n\r\n")
        _ = connection.endOfStream()
        var output = await connection.completeNextHandler()
        output += await connection.completeNextHandler()
        #expect(ParsedResponse.split(output).map(\.body) == ["echo x", "ok", "echo y"])
        #expect(connection.connection.phase == .closed)
    }

    @Test func refusedConnectionGets503AndCloses() {
        var connection = driver()
        connection.connection.refuse(at: connection.time)
        let response = ParsedResponse.split(connection.drain()).first
        #expect(response?.status == 503)
        #expect(response?.header("Connection") == "close")
        #expect(response?.header("Retry-After") == "1")
    }
}
