@testable import CasewayHTTP

extension Router {
    /// A router for tests: `GET /healthz` (immediate), `GET|POST /echo` (task; echoes the body),
    /// `GET /v1/cases/{id}`, `POST /small` with a 10-byte limit, `GET /empty` (204), `GET /cached` (304).
    static func testRoutes() -> Router {
        var router = Router()
        router.addImmediate(.get, "/healthz") { _ in .text("ok") }
        router.add(.post, "/echo") { request in HTTPResponse(status: .ok, body: request.body) }
        router.add(.get, "/echo") { request in .text("echo \(request.query["q"] ?? "")") }
        router.addImmediate(.get, "/v1/cases/{id}") { request in .text("case \(request.pathParameters["id"] ?? "?")") }
        router.addImmediate(.post, "/small", bodyLimit: 10) { request in .text("got \(request.body.count)") }
        router.addImmediate(.get, "/empty") { _ in HTTPResponse(status: .noContent, body: Array("ignored".utf8)) }
        router.addImmediate(.get, "/cached") { _ in
            HTTPResponse(status: .notModified, headers: ["ETag": "\"v1\"", "Content-Length": "42"], body: Array("ignored".utf8))
        }
        router.addImmediate(.get, "/chunky") { _ in
            HTTPResponse(status: .ok, headers: ["Transfer-Encoding": "chunked"], body: Array("hello".utf8))
        }
        return router
    }
}
