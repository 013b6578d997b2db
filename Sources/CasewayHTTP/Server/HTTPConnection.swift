/// One client connection as a pure state machine: bytes and times in, response bytes and handler
/// dispatches out. It performs no I/O and reads no clock, so it is tested by feeding raw bytes.
///
/// Requests on a connection are handled one at a time: the next pipelined request is parsed only once
/// the previous response is queued, which keeps responses in request order (RFC 9112 §9.3.2).
///
/// A class, not a struct, because the loop keeps it in a slot and calls into it on every event:
/// reaching a struct through a class property copied the whole state (profiled), a reference does not.
/// It is confined to the event loop thread.
final class HTTPConnection {
    /// Where the connection is in its life.
    enum Phase: Sendable, Equatable {
        /// Waiting for (the rest of) a request line and header section.
        case awaitingHead
        /// Reading the body of a routed request.
        case readingBody
        /// A task handler is running; the request is `sequence`.
        case handling
        /// The final response is queued; close once it is sent.
        case closing
        /// The final response is sent and the sending side shut; draining input until the peer closes.
        case lingering
        /// Done: the loop closes the socket.
        case closed
    }

    /// What the loop must do for the machine.
    enum Action {
        /// Nothing beyond sending queued output.
        case none
        /// Run `handler` for `request` as a task, then call `complete(_:sequence:at:)`.
        case dispatch(HTTPRequest, handler: @Sendable (HTTPRequest) async -> HTTPResponse, sequence: UInt64)
    }

    /// The request being read or handled.
    private struct Exchange {
        var request: HTTPRequest
        var handler: HTTPHandler
        var keepAlive: Bool
        var isHTTP10: Bool
    }

    let settings: ConnectionSettings
    let router: Router
    private(set) var phase = Phase.awaitingHead
    private(set) var deadlines: ConnectionDeadlines
    /// Identifies the request being handled, so that a response arriving after a timeout is ignored.
    private(set) var sequence: UInt64 = 0
    private var parser: HTTPRequestParser
    /// Received bytes not consumed yet: a partial head or chunk line, or pipelined requests.
    private var pending: [UInt8] = []
    private var output: [UInt8] = []
    private var outputSent = 0
    private var exchange: Exchange?
    private var draining = false
    private var peerClosed = false
    /// Whether the request under way has started arriving (decides between 408 and a silent close).
    private var requestStarted = false

    /// A new connection accepted at `now`; it has the header timeout to send its first request.
    init(router: Router, settings: ConnectionSettings, at now: ContinuousClock.Instant) {
        self.router = router
        self.settings = settings
        self.parser = HTTPRequestParser(limits: settings.parserLimits)
        self.deadlines = ConnectionDeadlines(.head, at: now)
    }

    // MARK: Output

    /// Whether response bytes are waiting to be sent.
    var hasOutput: Bool { outputSent < output.count }

    /// Whether the loop should read from the socket now.
    var wantsInput: Bool {
        switch phase {
        case .awaitingHead, .readingBody: !peerClosed && output.count - outputSent < settings.outputHighWater
        case .handling: !peerClosed && pending.count < settings.pendingInputLimit
        case .lingering: !peerClosed
        case .closing, .closed: false
        }
    }

    /// The instant the loop must call `expire(at:)`.
    var deadline: ContinuousClock.Instant { deadlines.next(settings.timeouts).deadline }

    /// Lends the unsent output to a writer.
    func withOutput<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try output.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[outputSent...])) }
    }

    /// Records that `count` bytes of output were sent; `blocked` when the socket would take no more.
    func didSend(_ count: Int, blocked: Bool, at time: LoopTime) {
        outputSent += count
        if outputSent >= output.count {
            // Release large buffers so that a thousand idle connections stay small.
            if output.capacity > 16 * 1024 { output = [] } else { output.removeAll(keepingCapacity: true) }
            outputSent = 0
            deadlines.writeDrained()
        } else if blocked {
            deadlines.writeBlocked(progressed: count > 0, at: time.instant)
        }
    }

    /// After the final response went out and the sending side was shut: wait for the peer to close.
    func startLingering(at time: LoopTime) {
        guard phase == .closing else { return }
        phase = peerClosed ? .closed : .lingering
        deadlines.begin(.linger, at: time.instant)
    }

    // MARK: Input

    /// Takes newly read bytes and parses as far as possible.
    func receive(_ bytes: UnsafeRawBufferPointer, at time: LoopTime) -> Action {
        switch phase {
        case .lingering, .closing, .closed:
            return .none  // input after the final response is drained unread
        case .handling:
            pending.append(contentsOf: bytes)
            return .none
        case .awaitingHead, .readingBody:
            break
        }
        guard pending.isEmpty, canParse else {
            pending.append(contentsOf: bytes)
            return resume(at: time)
        }
        // Fast path: parse straight from the loop's read buffer and keep only what is left over.
        let (consumed, action) = process(bytes, at: time)
        if consumed < bytes.count {
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[consumed...]))
        }
        noteUnconsumedInput(at: time)
        return action
    }

    /// The peer closed its sending side.
    func receiveEndOfStream(at time: LoopTime) {
        peerClosed = true
        switch phase {
        case .awaitingHead:
            // Mid-request nothing can be answered; between requests there is nothing to answer.
            if !hasOutput { phase = .closed } else { phase = .closing }
        case .readingBody, .lingering:
            phase = .closed
        case .handling, .closing, .closed:
            break  // a half-closed client still reads the response it is owed
        }
    }

    /// Parses input that was held back (pipelined requests, output backpressure); call after progress.
    func resume(at time: LoopTime) -> Action {
        defer { closeIfPeerIsDone(at: time) }
        guard !pending.isEmpty, canParse else { return .none }
        var buffer: [UInt8] = []
        swap(&buffer, &pending)
        let (consumed, action) = buffer.withUnsafeBytes { process($0, at: time) }
        if consumed < buffer.count {
            buffer.removeFirst(consumed)
            pending = buffer
        }
        noteUnconsumedInput(at: time)
        return action
    }

    /// A half-closed client is answered for every request it sent, then the connection closes.
    private func closeIfPeerIsDone(at time: LoopTime) {
        guard peerClosed, phase == .awaitingHead else { return }
        phase = hasOutput ? .closing : .closed
        deadlines.begin(.linger, at: time.instant)
    }

    private var canParse: Bool {
        (phase == .awaitingHead || phase == .readingBody) && output.count - outputSent < settings.outputHighWater
    }

    /// A partial request left in `pending` starts the header clock if the connection was idle.
    private func noteUnconsumedInput(at time: LoopTime) {
        guard phase == .awaitingHead, !pending.isEmpty, !requestStarted else { return }
        requestStarted = true
        deadlines.begin(.head, at: time.instant)
    }

    /// Parses requests out of `bytes` until more input is needed or a handler must run.
    private func process(_ bytes: UnsafeRawBufferPointer, at time: LoopTime) -> (consumed: Int, action: Action) {
        var offset = 0
        while canParse {
            let event: HTTPRequestParser.Event?
            do {
                event = try parser.parse(bytes, from: &offset)
            } catch {
                fail(error, at: time)
                return (bytes.count, .none)
            }
            switch event {
            case nil:
                return (offset, .none)
            case .head(let head)?:
                requestStarted = true
                if let action = begin(head, moreInput: offset < bytes.count, at: time) {
                    return (offset, action)
                }
            case .body(let body)?:
                guard var exchange else { return (offset, .none) }
                exchange.request.body = body
                if let action = run(exchange, at: time) {
                    return (offset, action)
                }
            }
        }
        return (offset, .none)
    }

    /// Routes a parsed head and decides about its body before any of the body is read.
    private func begin(_ head: HTTPRequestHead, moreInput: Bool, at time: LoopTime) -> Action? {
        var request = head.request(body: [])
        let route: Route
        switch router.match(head.method, path: request.path) {
        case .found(let found, let parameters):
            route = found
            request.pathParameters = parameters
        case .notFound:
            return answerWithoutBody(head, Router.notFoundResponse(path: request.path), at: time)
        case .methodNotAllowed(let allowed):
            return answerWithoutBody(head, Router.methodNotAllowedResponse(method: head.method, allowed: allowed), at: time)
        case .invalidPath:
            return answerWithoutBody(head, Router.invalidPathResponse(), at: time)
        }
        exchange = Exchange(request: request, handler: route.handler, keepAlive: head.keepAlive, isHTTP10: head.version.minor == 0)
        do {
            if let body = try parser.startBody(limit: route.bodyLimit ?? settings.defaultBodyLimit) {
                exchange?.request.body = body
                guard let exchange else { return nil }
                return run(exchange, at: time)
            }
        } catch {
            // RFC 9110 §10.1.1: a final status instead of 100 Continue; the body is never read, so close.
            fail(error, isHeadRequest: head.method == .head, at: time)
            return nil
        }
        // RFC 9110 §10.1.1: invite the body only once the route and its limit have accepted the head,
        // and only if the client is still waiting for the invitation.
        if head.expectsContinue, !moreInput {
            output.append(contentsOf: HTTPResponseEncoder.continueResponse)
        }
        phase = .readingBody
        deadlines.begin(.body, at: time.instant)
        return nil
    }

    /// Answers a request the router refused; its body (if any) is not read, so the connection then closes.
    private func answerWithoutBody(_ head: HTTPRequestHead, _ response: HTTPResponse, at time: LoopTime) -> Action? {
        var keepAlive = head.keepAlive
        if !head.framing.hasContent {
            _ = try? parser.startBody(limit: 0)
        } else {
            keepAlive = false
        }
        exchange = Exchange(request: head.request(body: []), handler: .immediate { _ in response }, keepAlive: keepAlive, isHTTP10: head.version.minor == 0)
        queue(response, isHeadRequest: head.method == .head, at: time)
        return nil
    }

    /// Runs an immediate handler in place, or hands a task handler to the loop.
    private func run(_ exchange: Exchange, at time: LoopTime) -> Action? {
        self.exchange = exchange
        switch exchange.handler {
        case .immediate(let handler):
            queue(handler(exchange.request), isHeadRequest: exchange.request.method == .head, at: time)
            return nil
        case .task(let handler):
            sequence &+= 1
            phase = .handling
            deadlines.begin(.handler, at: time.instant)
            return .dispatch(exchange.request, handler: handler, sequence: sequence)
        }
    }

    /// A task handler's response for request `sequence`; ignored when that request already timed out.
    func complete(_ response: HTTPResponse, sequence: UInt64, at time: LoopTime) -> Action {
        guard phase == .handling, sequence == self.sequence, let exchange else { return .none }
        queue(response, isHeadRequest: exchange.request.method == .head, at: time)
        return resume(at: time)
    }

    /// Encodes the response to the current exchange and moves on to the next request or to closing.
    private func queue(_ response: HTTPResponse, isHeadRequest: Bool, at time: LoopTime) {
        let asked = exchange?.keepAlive ?? false
        // A half-closed peer does not make this `close`: requests it pipelined before closing are still
        // answered, and `closeIfPeerIsDone` ends the connection after the last of them.
        let keepAlive = asked && !draining && !response.headers.containsToken("close", in: "Connection")
        let context = HTTPResponseEncoder.Context(
            isHeadRequest: isHeadRequest,
            keepAlive: keepAlive,
            announceKeepAlive: keepAlive && (exchange?.isHTTP10 ?? false),
            date: time.date
        )
        HTTPResponseEncoder.encode(response, context: context, into: &output)
        exchange = nil
        requestStarted = false
        if keepAlive {
            phase = .awaitingHead
            deadlines.begin(.idle, at: time.instant)
        } else {
            phase = .closing
            // Only a stalled write can hold the connection now; the linger clock bounds the rest.
            deadlines.begin(.linger, at: time.instant)
        }
    }

    /// Answers a request that cannot be read any further, then closes (RFC 9112 §9.6 / NIO's rule:
    /// an error response only when no response has started, which holds since requests run one at a time).
    private func fail(_ error: HTTPParseError, isHeadRequest: Bool = false, at time: LoopTime) {
        settings.log?("http: \(error)")
        exchange = nil
        let response = HTTPResponse.problem(status: error.status, detail: error.detail)
        HTTPResponseEncoder.encode(response, context: .init(isHeadRequest: isHeadRequest, keepAlive: false, date: time.date), into: &output)
        pending = []
        phase = .closing
        deadlines.begin(.linger, at: time.instant)
    }

    // MARK: Time and shutdown

    /// What ran out at `now`, after acting on it (a 408 or 503 queued, or the connection closed);
    /// nil when nothing has. On `.handler` the loop cancels the handler's task.
    func expire(at time: LoopTime) -> ConnectionDeadlines.Expiry? {
        guard let expiry = deadlines.expired(at: time.instant, settings.timeouts) else { return nil }
        switch expiry {
        case .idle, .write, .linger:
            phase = .closed
        case .head:
            if requestStarted || !pending.isEmpty {
                timeOut(.requestTimeout, "the request header section did not arrive within \(settings.timeouts.header)", at: time)
            } else {
                phase = .closed  // never sent anything: nobody to answer
            }
        case .body:
            timeOut(.requestTimeout, "the request body did not arrive within \(settings.timeouts.body)", at: time)
        case .handler:
            sequence &+= 1
            timeOut(.serviceUnavailable, "the request was not answered within \(settings.timeouts.handler)", at: time)
        }
        return expiry
    }

    private func timeOut(_ status: HTTPStatus, _ detail: String, at time: LoopTime) {
        settings.log?("http: \(status.code): \(detail)")
        let isHeadRequest = exchange?.request.method == .head
        exchange = nil
        pending = []
        let response = HTTPResponse.problem(status: status, detail: detail)
        HTTPResponseEncoder.encode(response, context: .init(isHeadRequest: isHeadRequest, keepAlive: false, date: time.date), into: &output)
        phase = .closing
        deadlines.begin(.linger, at: time.instant)
    }

    /// Turns a connection beyond the server's maximum away: 503 problem+json, then close.
    func refuse(at time: LoopTime) {
        let response = HTTPResponse.problem(status: .serviceUnavailable, detail: "The server has too many open connections; try again shortly.")
        var withRetry = response
        withRetry.headers.add("Retry-After", "1")
        HTTPResponseEncoder.encode(withRetry, context: .init(keepAlive: false, date: time.date), into: &output)
        phase = .closing
        deadlines.begin(.linger, at: time.instant)
    }

    /// The server is stopping: idle connections close now, requests under way finish with `Connection: close`.
    func beginDraining(at time: LoopTime) {
        draining = true
        if phase == .awaitingHead, !requestStarted, pending.isEmpty {
            phase = hasOutput ? .closing : .closed
        }
    }
}
