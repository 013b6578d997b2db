import CasewayHTTP
import Synchronization

/// A back office on a loopback port whose answers a test scripts: request 1 gets this, request 2 that,
/// every later one the default. It records every request and counts distinct `Idempotency-Key`s, so a
/// test can assert "one effect per key" after retries.
///
/// Start it with `start()`, point a connector at `url(path:)`, and `stop()` it at the end of the test.
/// Our HTTPServer always answers a request it has read, so "close without answering" is had by
/// stopping the partner while a `.hang` reply is under way: the connection then closes unanswered.
public final class ScriptedPartner: Sendable {
    private struct State {
        var script: [Int: PartnerReply]
        var fallback: PartnerReply
        var received: [ReceivedRequest] = []
    }

    private let state: Mutex<State>
    private let server: Mutex<HTTPServer?> = Mutex(nil)
    private let boundPort = Mutex(0)

    /// Answers request n (1-based) with `script[n - 1]`, every later one with `then`.
    public init(script: [PartnerReply] = [], then fallback: PartnerReply = .status(200)) {
        var byNumber: [Int: PartnerReply] = [:]
        for (offset, reply) in script.enumerated() { byNumber[offset + 1] = reply }
        state = Mutex(State(script: byNumber, fallback: fallback))
    }

    /// Fails the first `count` requests with `failure` (default 503), then answers `success`.
    public static func failing(first count: Int, with failure: PartnerReply = .status(503), then success: PartnerReply = .status(200)) -> ScriptedPartner {
        ScriptedPartner(script: Array(repeating: failure, count: count), then: success)
    }

    /// Binds 127.0.0.1 on a free port and starts answering; returns the port.
    @discardableResult
    public func start() throws -> Int {
        var configuration = HTTPServer.Configuration(listen: [ListenAddress(host: "127.0.0.1", port: 0)])
        // A hanging reply must outlast any client timeout a test sets; `stop` ends it.
        configuration.handlerTimeout = .seconds(600)
        configuration.lingerTimeout = .milliseconds(100)
        configuration.defaultBodyLimit = 16 * 1024 * 1024
        var router = Router()
        let handler: @Sendable (HTTPRequest) async -> HTTPResponse = { [self] request in await self.answer(request) }
        // The router matches whole segment counts, so cover paths up to six segments deep for every method.
        for method in [HTTPMethod.post, .put, .patch, .get, .delete] {
            router.add(method, "/", handler: handler)
            var pattern = ""
            for depth in 1...6 {
                pattern += "/{s\(depth)}"
                router.add(method, pattern, handler: handler)
            }
        }
        let server = HTTPServer(configuration: configuration, router: router)
        let port = try server.start()
        self.server.withLock { $0 = server }
        boundPort.withLock { $0 = port }
        return port
    }

    /// Stops answering; hanging and delayed replies are cut off.
    public func stop() async {
        guard let server = server.withLock({ current -> HTTPServer? in
            defer { current = nil }
            return current
        }) else { return }
        await server.stop(timeout: .milliseconds(200))
    }

    /// The port it listens on (0 before `start()`).
    public var port: Int { boundPort.withLock { $0 } }

    /// `http://127.0.0.1:<port><path>`.
    public func url(path: String = "/") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Every request received so far, in arrival order.
    public var requests: [ReceivedRequest] { state.withLock { $0.received } }

    /// How many requests arrived.
    public var requestCount: Int { state.withLock { $0.received.count } }

    /// How many different `Idempotency-Key`s arrived: the number of effects a well-behaved partner had.
    public var distinctIdempotencyKeys: Int {
        state.withLock { Set($0.received.compactMap { $0.headers["Idempotency-Key"] }).count }
    }

    /// Waits until at least `count` requests have arrived or `timeout` passed; true when they arrived.
    /// Generous by default: it only bounds a failing test (a loaded machine can take seconds to send).
    @discardableResult
    public func waitForRequests(_ count: Int, timeout: Duration = .seconds(30)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while requestCount < count {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    /// Replaces the answer for later requests (e.g. "the partner is back").
    public func setFallback(_ reply: PartnerReply) {
        state.withLock { $0.fallback = reply }
    }

    private func answer(_ request: HTTPRequest) async -> HTTPResponse {
        let reply = state.withLock { state -> PartnerReply in
            let number = state.received.count + 1
            state.received.append(
                ReceivedRequest(
                    number: number, method: request.method.rawValue, path: request.path, headers: request.headers,
                    body: request.body))
            return state.script[number] ?? state.fallback
        }
        return await Self.perform(reply)
    }

    private static func perform(_ reply: PartnerReply) async -> HTTPResponse {
        switch reply {
        case .respond(let status, let headers, let body):
            var fields = HTTPHeaders()
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) { fields.add(name, value) }
            return HTTPResponse(status: HTTPStatus(code: status), headers: fields, body: body)
        case .delayed(let delay, let next):
            try? await Task.sleep(for: delay)
            return await perform(next)
        case .hang:
            // Cancelled (or the server gone) when the partner stops; the answer then goes nowhere.
            try? await Task.sleep(for: .seconds(600))
            return HTTPResponse(status: .serviceUnavailable)
        }
    }
}
