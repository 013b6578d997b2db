import Foundation
import Synchronization

/// An HTTP/1.1 server: non-blocking sockets on one epoll event-loop thread, handlers as Swift tasks.
///
/// `start()` binds every address and returns at once; `stop(timeout:)` stops accepting, lets requests
/// under way finish until the timeout, closes idle keep-alive connections, then closes the rest.
public final class HTTPServer: Sendable {
    /// The limits and addresses the server was made with.
    public let configuration: Configuration
    /// The routes it serves.
    public let router: Router

    private enum Lifecycle {
        case idle
        case running(LoopInbox, [ListenAddress])
        case stopped
    }

    private let lifecycle = Mutex(Lifecycle.idle)
    private let completion = ServerCompletion()

    /// Makes a server; nothing is bound until `start()`.
    public init(configuration: Configuration = Configuration(), router: Router) {
        self.configuration = configuration
        self.router = router
    }

    /// Binds every configured address, starts the event loop thread and returns the first bound port.
    @discardableResult
    public func start() throws -> Int {
        try lifecycle.withLock { (state: inout Lifecycle) throws -> Int in
            guard case .idle = state else { throw SocketError(call: "HTTPServer.start (already started)", code: EALREADY) }
            var listeners: [Socket] = []
            var bound: [ListenAddress] = []
            var resources: (EventPoll, LoopInbox)?
            do {
                for address in configuration.listen {
                    for resolved in try SocketAddress.resolve(host: address.host, port: address.port) {
                        let listener = try Socket.listening(on: resolved, backlog: configuration.backlog)
                        listeners.append(listener)
                        let local = try listener.localAddress()
                        bound.append(ListenAddress(host: local.host, port: local.port))
                    }
                }
                let poll = try EventPoll.make()
                let inbox = LoopInbox(notifier: try EventNotifier.make())
                resources = (poll, inbox)
                try poll.add(inbox.notifier.descriptor, events: .readable)
                for listener in listeners {
                    try poll.add(listener.descriptor, events: .readable)
                }
            } catch {
                for listener in listeners { listener.close() }
                if let (poll, inbox) = resources {
                    _ = inbox.close()
                    poll.close()
                }
                throw error
            }
            guard let (poll, inbox) = resources, let first = bound.first else {
                throw SocketError(call: "HTTPServer.start (no address to listen on)", code: EINVAL)
            }
            let router = self.router
            let loopListeners = listeners
            let settings = configuration.connectionSettings
            let maxConnections = configuration.maxConnections
            let runsHandlersOnLoop = configuration.runsHandlersOnEventLoop
            let completion = self.completion
            let thread = Thread {
                let loop = EventLoop(
                    poll: poll,
                    inbox: inbox,
                    listeners: loopListeners,
                    router: router,
                    settings: settings,
                    maxConnections: maxConnections,
                    runsHandlersOnLoop: runsHandlersOnLoop
                )
                loop.run()
                completion.finish()
            }
            thread.name = "caseway-http"
            thread.start()
            state = .running(inbox, bound)
            return first.port
        }
    }

    /// The addresses actually bound (with the kernel's ports when port 0 was asked for); empty before `start()`.
    public var localAddresses: [ListenAddress] {
        lifecycle.withLock { state in
            if case .running(_, let addresses) = state { return addresses }
            return []
        }
    }

    /// Stops accepting, lets requests under way finish for up to `timeout`, then closes every connection;
    /// returns once the event loop has exited.
    public func stop(timeout: Duration = .seconds(10)) async {
        guard requestStop(timeout: timeout) else { return }
        await completion.wait()
    }

    /// Returns once the server has stopped.
    public func waitUntilStopped() async {
        let started = lifecycle.withLock { state in
            if case .running = state { return true }
            return false
        }
        guard started else { return }
        await completion.wait()
    }

    /// Starts (unless already started) and serves until stopped; cancelling the calling task stops the
    /// server gracefully, with a 10 s grace period.
    public func run() async throws {
        let idle = lifecycle.withLock { state in
            if case .idle = state { return true }
            return false
        }
        if idle { try start() }
        await withTaskCancellationHandler {
            await waitUntilStopped()
        } onCancel: {
            _ = self.requestStop(timeout: .seconds(10))
        }
    }

    /// Asks the loop to stop; false when it never started (so there is nothing to wait for).
    private func requestStop(timeout: Duration) -> Bool {
        let inbox: LoopInbox? = lifecycle.withLock { state in
            switch state {
            case .idle:
                state = .stopped
                return nil
            case .running(let inbox, _):
                return inbox
            case .stopped:
                return nil
            }
        }
        guard let inbox else { return false }
        // Refused once the loop has exited; waiting then returns at once.
        inbox.post(.stop(deadline: .now + timeout))
        return true
    }
}
