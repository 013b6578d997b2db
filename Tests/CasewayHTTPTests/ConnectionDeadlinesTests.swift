import Testing
@testable import CasewayHTTP

/// Timeout rules as pure values over chosen instants, and as the connection applies them.
struct ConnectionDeadlinesTests {
    let timeouts = ConnectionTimeouts(header: .seconds(10), body: .seconds(30), idle: .seconds(60), handler: .seconds(30), linger: .seconds(2))
    let t0 = ContinuousClock.now

    @Test func eachWaitHasItsOwnLimit() {
        let cases: [(ConnectionDeadlines.Wait, Duration, ConnectionDeadlines.Expiry)] = [
            (.idle, .seconds(60), .idle), (.head, .seconds(10), .head), (.body, .seconds(30), .body),
            (.handler, .seconds(30), .handler), (.linger, .seconds(2), .linger),
        ]
        for (wait, limit, expiry) in cases {
            let deadlines = ConnectionDeadlines(wait, at: t0)
            #expect(deadlines.next(timeouts).deadline == t0 + limit)
            #expect(deadlines.expired(at: t0 + limit - .milliseconds(1), timeouts) == nil)
            #expect(deadlines.expired(at: t0 + limit, timeouts) == expiry)
        }
    }

    @Test func beginningANewWaitRestartsTheClock() {
        var deadlines = ConnectionDeadlines(.head, at: t0)
        deadlines.begin(.body, at: t0 + .seconds(9))
        #expect(deadlines.expired(at: t0 + .seconds(12), timeouts) == nil)
        #expect(deadlines.expired(at: t0 + .seconds(39), timeouts) == .body)
    }

    @Test func aStalledWriteExpiresAfterTheIdleTimeoutUnlessItProgresses() {
        var deadlines = ConnectionDeadlines(.handler, at: t0)
        deadlines.writeBlocked(progressed: false, at: t0)
        #expect(deadlines.next(timeouts).expiry == .handler)  // 30 s comes before 60 s
        deadlines.begin(.idle, at: t0 + .seconds(50))
        #expect(deadlines.next(timeouts) == (t0 + .seconds(60), .write))
        deadlines.writeBlocked(progressed: false, at: t0 + .seconds(55))
        #expect(deadlines.next(timeouts).deadline == t0 + .seconds(60))  // no progress: the stall clock keeps running
        deadlines.writeBlocked(progressed: true, at: t0 + .seconds(55))
        #expect(deadlines.next(timeouts).deadline == t0 + .seconds(110))
        deadlines.writeDrained()
        #expect(deadlines.next(timeouts) == (t0 + .seconds(110), .idle))
    }

    // MARK: Through the connection

    func driver() -> ConnectionDriver {
        ConnectionDriver(router: .testRoutes())
    }

    @Test func slowHeaderGets408AfterTheHeaderTimeout() {
        var connection = driver()
        let started = connection.now
        for byte in "GET /healthz HTTP/1.1\r\nHo".utf8 {
            connection.now += .seconds(0.3)
            #expect(connection.send([byte]).isEmpty)
        }
        // The header timeout counts from the first byte, not from the last one.
        #expect(connection.connection.deadline == started + .seconds(0.3) + .seconds(10))
        let (expiry, output) = connection.advance(by: .seconds(3))
        #expect(expiry == .head)
        let response = ParsedResponse.split(output).first
        #expect(response?.status == 408)
        #expect(response?.header("Connection") == "close")
    }

    @Test func newConnectionThatSendsNothingIsClosedSilently() {
        var connection = driver()
        let (expiry, output) = connection.advance(by: .seconds(10))
        #expect(expiry == .head)
        #expect(output.isEmpty)
        #expect(connection.connection.phase == .closed)
    }

    @Test func slowBodyGets408AfterTheBodyTimeoutInTotal() {
        var connection = driver()
        _ = connection.send("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\n")
        for _ in 0..<29 {
            #expect(connection.advance(by: .seconds(1)).expiry == nil)
            _ = connection.send("x")
        }
        let (expiry, output) = connection.advance(by: .seconds(1))
        #expect(expiry == .body)
        #expect(ParsedResponse.split(output).first?.status == 408)
    }

    @Test func idleKeepAliveConnectionIsClosedSilently() {
        var connection = driver()
        _ = connection.send("GET /healthz HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(connection.advance(by: .seconds(59)).expiry == nil)
        let (expiry, output) = connection.advance(by: .seconds(1))
        #expect(expiry == .idle)
        #expect(output.isEmpty)
        #expect(connection.connection.phase == .closed)
    }

    @Test func slowHandlerGets503AndItsLateResponseIsDropped() async {
        var connection = driver()
        _ = connection.send("GET /echo HTTP/1.1\r\nHost: h\r\n\r\n")
        let (expiry, output) = connection.advance(by: .seconds(30))
        #expect(expiry == .handler)
        let response = ParsedResponse.split(output).first
        #expect(response?.status == 503)
        #expect(response?.header("Content-Type") == "application/problem+json")
        #expect(await connection.completeNextHandler().isEmpty)
    }

    @Test func lingeringEndsAfterTheLingerTimeout() {
        var connection = driver()
        _ = connection.send("GET /healthz HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
        #expect(connection.connection.phase == .lingering)
        _ = connection.send("ignored bytes")
        #expect(connection.advance(by: .seconds(2)).expiry == .linger)
        #expect(connection.connection.phase == .closed)
    }

    @Test func drainingClosesIdleConnectionsAndFinishesRequestsUnderWay() async {
        var idle = driver()
        _ = idle.send("GET /healthz HTTP/1.1\r\nHost: h\r\n\r\n")
        idle.connection.beginDraining(at: idle.time)
        #expect(idle.connection.phase == .closed)

        var busy = driver()
        _ = busy.send("GET /echo?q=late HTTP/1.1\r\nHost: h\r\n\r\n")
        busy.connection.beginDraining(at: busy.time)
        #expect(busy.connection.phase == .handling)
        let response = ParsedResponse.split(await busy.completeNextHandler()).first
        #expect(response?.body == "echo late")
        #expect(response?.header("Connection") == "close")
    }
}
