import Foundation
@testable import CasewayHTTP

/// Drives one `HTTPConnection` with raw bytes and explicit times, the way the event loop would,
/// and collects what it would have sent.
struct ConnectionDriver {
    let connection: HTTPConnection
    let start: ContinuousClock.Instant
    var now: ContinuousClock.Instant
    /// Task handler dispatches not yet completed, oldest first.
    var dispatched: [(request: HTTPRequest, handler: @Sendable (HTTPRequest) async -> HTTPResponse, sequence: UInt64)] = []

    init(router: Router, configuration: HTTPServer.Configuration = .init()) {
        start = ContinuousClock.now
        now = start
        connection = HTTPConnection(router: router, settings: configuration.connectionSettings, at: start)
    }

    var time: LoopTime { LoopTime(instant: now) }

    /// Feeds bytes and returns everything the connection wants to send afterwards.
    mutating func send(_ text: String) -> String {
        send(Array(text.utf8))
    }

    mutating func send(_ bytes: [UInt8]) -> String {
        let time = self.time
        let action = bytes.withUnsafeBytes { connection.receive($0, at: time) }
        record(action)
        return drain()
    }

    /// Feeds a message one byte at a time, as a slow client would.
    mutating func sendByteByByte(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            output += send([byte])
        }
        return output
    }

    /// Runs the oldest dispatched task handler and returns what is sent once it completes.
    mutating func completeNextHandler() async -> String {
        guard !dispatched.isEmpty else { return "" }
        let next = dispatched.removeFirst()
        let response = await next.handler(next.request)
        record(connection.complete(response, sequence: next.sequence, at: time))
        return drain()
    }

    /// Advances the clock and applies any deadline that passed.
    mutating func advance(by duration: Duration) -> (expiry: ConnectionDeadlines.Expiry?, output: String) {
        now += duration
        let expiry = connection.expire(at: time)
        return (expiry, drain())
    }

    mutating func endOfStream() -> String {
        connection.receiveEndOfStream(at: time)
        return drain()
    }

    /// Takes the pending output as if the socket accepted all of it, parsing held-back input like the loop does.
    mutating func drain() -> String {
        var collected: [UInt8] = []
        while connection.hasOutput {
            let bytes = connection.withOutput { Array($0) }
            collected += bytes
            connection.didSend(bytes.count, blocked: false, at: time)
            record(connection.resume(at: time))
        }
        if connection.phase == .closing {
            connection.startLingering(at: time)
        }
        return String(decoding: collected, as: UTF8.self)
    }

    private mutating func record(_ action: HTTPConnection.Action) {
        if case .dispatch(let request, let handler, let sequence) = action {
            dispatched.append((request, handler, sequence))
        }
    }
}

/// A response split into status line, header fields and body, for assertions.
struct ParsedResponse {
    var statusLine: String
    var headers: [(String, String)]
    var body: String

    /// The first value of a header, ignoring case.
    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    var status: Int { Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0 }

    /// Splits a stream of responses; `bodyless` lists how many of them have no body despite a length (HEAD).
    static func split(_ text: String, headRequests: Set<Int> = []) -> [ParsedResponse] {
        var responses: [ParsedResponse] = []
        var rest = Substring(text)
        while let headEnd = rest.range(of: "\r\n\r\n") {
            let lines = rest[..<headEnd.lowerBound].components(separatedBy: "\r\n")
            let headers = lines.dropFirst().map { line -> (String, String) in
                let parts = line.split(separator: ":", maxSplits: 1)
                return (String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
            }
            var response = ParsedResponse(statusLine: lines[0], headers: headers, body: "")
            rest = rest[headEnd.upperBound...]
            let length = headRequests.contains(responses.count) ? 0 : Int(response.header("Content-Length") ?? "0") ?? 0
            let bodyEnd = rest.utf8.index(rest.startIndex, offsetBy: min(length, rest.utf8.count))
            response.body = String(rest[..<bodyEnd])
            rest = rest[bodyEnd...]
            responses.append(response)
        }
        return responses
    }
}

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
