import Testing
@testable import CasewayHTTP

/// Method + path patterns, parameters, 404 and 405 with Allow.
struct RouterTests {
    func router() -> Router {
        var router = Router()
        router.addImmediate(.get, "/v1/cases/{id}") { _ in .text("get") }
        router.addImmediate(.post, "/v1/cases", bodyLimit: 10) { _ in .text("post") }
        router.addImmediate(.post, "/v1/cases/{id}/updates") { _ in .text("update") }
        router.addImmediate(.get, "/v1/dead-letters/{id}") { _ in .text("one") }
        router.addImmediate(.delete, "/v1/dead-letters/{id}") { _ in .text("delete") }
        router.addImmediate(.post, "/v1/dead-letters/replay") { _ in .text("replay") }
        router.addImmediate(.post, "/v1/queues/{connector}/messages/{receipt}/ack") { _ in .text("ack") }
        return router
    }

    func answer(_ match: RouteMatch) -> String? {
        guard case .found(let route, _) = match, case .immediate(let handler) = route.handler else { return nil }
        return String(decoding: handler(HTTPRequest(method: .get, target: "/")).body, as: UTF8.self)
    }

    @Test func matchesLiteralAndParameterSegments() {
        let match = router().match(.post, path: "/v1/queues/highways/messages/r-1/ack")
        guard case .found(_, let parameters) = match else {
            Issue.record("no match")
            return
        }
        #expect(parameters == ["connector": "highways", "receipt": "r-1"])
        #expect(answer(router().match(.post, path: "/v1/cases")) == "post")
        #expect(answer(router().match(.post, path: "/v1/cases/9/updates")) == "update")
    }

    @Test func parametersArePercentDecodedPerSegment() {
        guard case .found(_, let parameters) = router().match(.get, path: "/v1/cases/a%2Fb%20c%C3%A9") else {
            Issue.record("no match")
            return
        }
        #expect(parameters["id"] == "a/b cé")
        if case .invalidPath = router().match(.get, path: "/v1/cases/%E9") {} else { Issue.record("invalid UTF-8 accepted") }
        if case .invalidPath = router().match(.get, path: "/v1/cases/%4") {} else { Issue.record("short escape accepted") }
    }

    @Test func literalSegmentsWinOverParameters() {
        #expect(answer(router().match(.post, path: "/v1/dead-letters/replay")) == "replay")
        #expect(answer(router().match(.get, path: "/v1/dead-letters/replay")) == "one")
    }

    @Test func unknownPathIs404() {
        for path in ["/", "/v1", "/v1/cases/", "/v1/cases/1/2", "/v2/cases/1", "/v1/cases//updates"] {
            if case .notFound = router().match(.get, path: path) {} else { Issue.record("\(path) matched") }
        }
        let response = Router.notFoundResponse(path: "/v2")
        #expect(response.status == .notFound)
        #expect(response.headers["Content-Type"] == "application/problem+json")
    }

    @Test func wrongMethodIs405WithAllow() {
        guard case .methodNotAllowed(let allowed) = router().match(.put, path: "/v1/dead-letters/7") else {
            Issue.record("not 405")
            return
        }
        #expect(allowed == [.get, .head, .delete])
        let response = Router.methodNotAllowedResponse(method: .put, allowed: allowed)
        #expect(response.status.code == 405)
        #expect(response.headers["Allow"] == "GET, HEAD, DELETE")
        #expect(response.headers["Content-Type"] == "application/problem+json")
    }

    @Test func headIsAnsweredByGet() {
        #expect(answer(router().match(.head, path: "/v1/cases/1")) == "get")
        if case .methodNotAllowed(let allowed) = router().match(.head, path: "/v1/cases") {
            #expect(allowed == [.post])
        } else {
            Issue.record("HEAD on a POST-only path was not 405")
        }
    }

    @Test func routeBodyLimitIsKept() {
        guard case .found(let route, _) = router().match(.post, path: "/v1/cases") else {
            Issue.record("no match")
            return
        }
        #expect(route.bodyLimit == 10)
    }

    @Test func queryIsParsedAndDecoded() {
        let request = HTTPRequest(method: .get, target: "/v1/dead-letters?connector=county%20highways&max=5&flag&a=1&a=2&plus=a+b")
        #expect(request.path == "/v1/dead-letters")
        #expect(request.query["connector"] == "county highways")
        #expect(request.query["max"] == "5")
        #expect(request.query["flag"] == "")
        #expect(request.query.values("a") == ["1", "2"])
        #expect(request.query["plus"] == "a b")
        #expect(HTTPRequest(method: .get, target: "/x").query.isEmpty)
    }
}
