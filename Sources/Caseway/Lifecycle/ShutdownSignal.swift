import Dispatch
import Foundation
import Synchronization

/// Turns SIGTERM and SIGINT into an awaitable event, so the hub drains instead of dying mid-write.
public final class ShutdownSignal: Sendable {
    // Dispatch sources are not Sendable; they are only touched under this lock (and in deinit).
    private let sources = Mutex<[any DispatchSourceSignal]>([])
    private let state = Mutex<State>(State())

    private struct State {
        var received: Int32?
        var waiters: [CheckedContinuation<Int32, Never>] = []
    }

    /// Starts catching SIGTERM and SIGINT; until `wait()` returns they no longer kill the process.
    public init(signals: [Int32] = [SIGTERM, SIGINT]) {
        let queue = DispatchQueue(label: "caseway.signals")
        sources.withLock { sources in
            for number in signals {
                // The default action must be off, or the process dies before the dispatch source sees the signal.
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { [weak self] in self?.deliver(number) }
                source.resume()
                sources.append(source)
            }
        }
    }

    deinit {
        sources.withLock { sources in
            for source in sources { source.cancel() }
        }
    }

    /// Delivers a signal by hand (tests, and a second source of shutdown such as a fatal service error).
    public func deliver(_ number: Int32) {
        let waiters = state.withLock { state -> [CheckedContinuation<Int32, Never>] in
            if state.received == nil { state.received = number }
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: number) }
    }

    /// Waits for the first signal and returns its number.
    public func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let received = state.withLock { state -> Int32? in
                if let received = state.received { return received }
                state.waiters.append(continuation)
                return nil
            }
            if let received { continuation.resume(returning: received) }
        }
    }
}
