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
