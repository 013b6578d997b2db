import Foundation
import Synchronization
import Testing
@testable import CasewayHTTP

/// The real server on loopback ports, driven by raw sockets.
@Suite(.serialized)
struct ServerTests {
    /// A flag a handler raises so that a test knows it is running.
    final class Signal: Sendable {
        private let raised = Mutex(false)
        func raise() { raised.withLock { $0 = true } }
        var isRaised: Bool { raised.withLock { $0 } }

        func wait(timeout: Duration = .seconds(5)) async {
            let deadline = ContinuousClock.now + timeout
            while !isRaised, ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    func makeServer(
        onLoop: Bool = false,
        _ configure: (inout HTTPServer.Configuration) -> Void = { _ in },
        routes: (inout Router) -> Void = { _ in }
    ) throws -> (HTTPServer, Int) {
        var configuration = HTTPServer.Configuration(listen: [ListenAddress(host: "127.0.0.1", port: 0)])
        configuration.runsHandlersOnEventLoop = onLoop
        configure(&configuration)
        var router = Router.testRoutes()
        routes(&router)
        let server = HTTPServer(configuration: configuration, router: router)
        let port = try server.start()
        return (server, port)
    }

    @Test(arguments: [false, true])
    func servesKeepAliveAndPipelinedRequests(handlersOnLoop: Bool) async throws {
        let (server, port) = try makeServer(onLoop: handlersOnLoop)
        let responses = try await blocking {
            let client = try RawClient(port: port)
            client.write("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            var all = client.readResponses(1)
            client.write("GET /echo?q=a HTTP/1.1\r\nHost: t\r\n\r\nGET /v1/cases/5 HTTP/1.1\r\nHost: t\r\n\r\nPOST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nxyz")
            all += client.readResponses(3)
            return all.map(\.body)
        }
        #expect(responses == ["ok", "echo a", "case 5", "xyz"])
        #expect(server.localAddresses.first?.port == port)
        await server.stop(timeout: .seconds(1))
    }

    @Test func listensOnIPv6Loopback() async throws {
        guard ipv6LoopbackAvailable() else { return }
        var configuration = HTTPServer.Configuration(listen: [ListenAddress("[::1]:0"), ListenAddress("127.0.0.1:0")].compactMap { $0 })
        configuration.maxConnections = 10
        let server = HTTPServer(configuration: configuration, router: .testRoutes())
        let port = try server.start()
        let ports = server.localAddresses.map(\.port)
        #expect(server.localAddresses.first?.host == "::1")
        let bodies = try await blocking {
            let v6 = try RawClient(host: "::1", port: port)
            v6.write("GET /healthz HTTP/1.1\r\nHost: [::1]\r\n\r\n")
            let v4 = try RawClient(port: ports[1])
            v4.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            return (v6.readResponses(1) + v4.readResponses(1)).map(\.body)
        }
        #expect(bodies == ["ok", "ok"])
        await server.stop(timeout: .seconds(1))
    }

    @Test func slowlorisGets408WhileOthersAreServed() async throws {
        let (server, port) = try makeServer {
            $0.headerTimeout = .milliseconds(800)
            $0.lingerTimeout = .milliseconds(300)
        }
        async let slow: String = blocking {
            let client = try RawClient(port: port)
            for byte in "GET /healthz HTTP/1.1\r\nHost: slow\r\nX-Drip: ".utf8 {
                guard client.write([byte]) else { break }
                Thread.sleep(forTimeInterval: 0.02)
            }
            // Then one byte every 200 ms, forever: only the header timeout ends this.
            for _ in 0..<20 {
                guard !client.hasInput(), client.write("a") else { break }
                Thread.sleep(forTimeInterval: 0.2)
            }
            return client.readUntilClosed(timeout: .seconds(3)).text
        }
        let served = try await blocking {
            var bodies: [String] = []
            for _ in 0..<5 {
                let client = try RawClient(port: port)
                client.write("GET /healthz HTTP/1.1\r\nHost: fast\r\n\r\n")
                bodies += client.readResponses(1).map(\.body)
                Thread.sleep(forTimeInterval: 0.1)
            }
            return bodies
        }
        #expect(served == Array(repeating: "ok", count: 5))
        let slowResponse = ParsedResponse.split(try await slow).first
        #expect(slowResponse?.status == 408)
        #expect(slowResponse?.header("Connection") == "close")
        await server.stop(timeout: .seconds(1))
    }

    @Test func badInputGetsItsStatusOverRealSocketsAndOthersAreStillServed() async throws {
        let (server, port) = try makeServer()
        let cases: [(String, Int)] = [
            ("GET / HTTP/1.1 junk\r\nHost: t\r\n\r\n", 400),
            ("GET /healthz HTTP/1.1\r\nHost : t\r\n\r\n", 400),
            ("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
            ("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n", 400),
            ("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: br, chunked\r\n\r\n", 501),
            ("GET /healthz HTTP/1.1\r\nHost: t\r\nX: " + String(repeating: "v", count: 20_000) + "\r\n\r\n", 431),
        ]
        let results = try await blocking {
            try cases.map { request, _ in
                let client = try RawClient(port: port)
                client.write(request)
                let answer = client.readUntilClosed()
                return (ParsedResponse.split(answer.text).first?.status ?? 0, answer.closed)
            }
        }
        for (index, result) in results.enumerated() {
            #expect(result.0 == cases[index].1, "\(cases[index].0.prefix(60).debugDescription)")
            #expect(result.1, "the connection closes after \(cases[index].1)")
        }
        let fine = try await blocking {
            let client = try RawClient(port: port)
            client.write("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            return client.readResponses(1).first?.body
        }
        #expect(fine == "ok")
        await server.stop(timeout: .seconds(1))
    }

    @Test func clientDisconnectingMidBodyDoesNotDisturbTheServer() async throws {
        let (server, port) = try makeServer()
        let bodies = try await blocking {
            for _ in 0..<3 {
                let quitter = try RawClient(port: port)
                quitter.write("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n" + String(repeating: "x", count: 5000))
            }  // each client is closed here, mid-body
            let client = try RawClient(port: port)
            client.write("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nfine")
            return client.readResponses(1).map(\.body)
        }
        #expect(bodies == ["fine"])
        await server.stop(timeout: .seconds(1))
    }

    @Test func connectionsBeyondTheMaximumAreRefusedWith503() async throws {
        let (server, port) = try makeServer { $0.maxConnections = 2 }
        let result = try await blocking {
            let first = try RawClient(port: port)
            let second = try RawClient(port: port)
            first.write("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            second.write("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            let kept = (first.readResponses(1) + second.readResponses(1)).map(\.status)
            let third = try RawClient(port: port)
            third.write("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            let refused = third.readUntilClosed()
            // The two admitted connections are still served.
            first.write("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            let again = first.readResponses(1).map(\.status)
            return (kept, refused.text, refused.closed, again)
        }
        #expect(result.0 == [200, 200])
        let refused = ParsedResponse.split(result.1).first
        #expect(refused?.status == 503)
        #expect(refused?.header("Connection") == "close")
        #expect(result.2)
        #expect(result.3 == [200])
        await server.stop(timeout: .seconds(1))
    }

    @Test(arguments: [false, true])
    func gracefulStopLetsAnInFlightHandlerFinish(handlersOnLoop: Bool) async throws {
        let started = Signal()
        let (server, port) = try makeServer(onLoop: handlersOnLoop, routes: { router in
            router.add(.get, "/slow") { _ in
                started.raise()
                try? await Task.sleep(for: .milliseconds(400))
                return .text("finished")
            }
        })
        async let inFlight: (String, Bool) = blocking {
            let client = try RawClient(port: port)
            client.write("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
            let result = client.readUntilClosed(timeout: .seconds(5))
            return (result.text, result.closed)
        }
        let idle = try await blocking { () -> RawClientBox in
            let client = try RawClient(port: port)
            client.write("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            _ = client.readResponses(1)
            return RawClientBox(client)
        }
        await started.wait()
        let stopped = ContinuousClock.now
        await server.stop(timeout: .seconds(5))
        #expect(ContinuousClock.now - stopped < .seconds(4))
        let (text, closed) = try await inFlight
        let response = ParsedResponse.split(text).first
        #expect(response?.body == "finished")
        #expect(response?.header("Connection") == "close")
        #expect(closed)
        // The idle keep-alive connection was closed, and nothing listens any more.
        #expect(idle.client.readUntilClosed(timeout: .seconds(1)).closed)
        #expect(throws: SocketError.self) { _ = try RawClient(port: port) }
    }

    @Test(arguments: [false, true])
    func stopClosesWhatIsStillRunningAtTheDeadline(handlersOnLoop: Bool) async throws {
        let (server, port) = try makeServer(onLoop: handlersOnLoop, routes: { router in
            router.add(.get, "/forever") { _ in
                try? await Task.sleep(for: .seconds(30))
                return .text("too late")
            }
        })
        let client = try RawClient(port: port)
        client.write("GET /forever HTTP/1.1\r\nHost: t\r\n\r\n")
        try await Task.sleep(for: .milliseconds(100))
        let stopped = ContinuousClock.now
        await server.stop(timeout: .milliseconds(300))
        #expect(ContinuousClock.now - stopped < .seconds(3))
        let result = try await blocking { [client = RawClientBox(client)] in client.client.readUntilClosed(timeout: .seconds(2)) }
        #expect(result.closed)
        #expect(!result.text.contains("too late"))
    }

    @Test(arguments: [false, true])
    func slowHandlerGets503AfterTheHandlerTimeout(handlersOnLoop: Bool) async throws {
        let (server, port) = try makeServer(onLoop: handlersOnLoop, { $0.handlerTimeout = .milliseconds(200) }, routes: { router in
            router.add(.get, "/stuck") { _ in
                try? await Task.sleep(for: .seconds(10))
                return .text("never")
            }
        })
        let response = try await blocking {
            let client = try RawClient(port: port)
            client.write("GET /stuck HTTP/1.1\r\nHost: t\r\n\r\n")
            return client.readResponses(1).first
        }
        #expect(response?.status == 503)
        #expect(response?.header("Content-Type") == "application/problem+json")
        await server.stop(timeout: .seconds(1))
    }

    @Test func largeBodiesTravelBothWays() async throws {
        let (server, port) = try makeServer()
        let size = 900 * 1024
        let body = try await blocking {
            let client = try RawClient(port: port)
            var request = Array("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: \(size)\r\n\r\n".utf8)
            request += (0..<size).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            client.write(request)
            return client.readResponses(1, timeout: .seconds(10)).first?.body ?? ""
        }
        #expect(body.utf8.count == size)
        #expect(body.hasPrefix("abcdefghij"))
        await server.stop(timeout: .seconds(1))
    }

    @Test func oversizedBodyGets413EvenWhileTheClientKeepsSending() async throws {
        let (server, port) = try makeServer()
        let response = try await blocking {
            let client = try RawClient(port: port)
            client.write("POST /small HTTP/1.1\r\nHost: t\r\nContent-Length: 10000000\r\n\r\n")
            client.write([UInt8](repeating: 0x61, count: 200_000))
            return ParsedResponse.split(client.readUntilClosed().text).first
        }
        #expect(response?.status == 413)
        #expect(response?.header("Connection") == "close")
        await server.stop(timeout: .seconds(1))
    }

    @Test func startingTwiceOrOnABusyPortFails() async throws {
        let (server, port) = try makeServer()
        #expect(throws: SocketError.self) { try server.start() }
        let clash = HTTPServer(configuration: .init(listen: [ListenAddress(host: "127.0.0.1", port: port)]), router: Router())
        #expect(throws: SocketError.self) { try clash.start() }
        await server.stop(timeout: .seconds(1))
        await clash.stop()
    }
}
