import Dispatch
import Synchronization

/// Wakes every long poll waiting on one queue when it may have a ready message: intake committed a case
/// for it, or a consumer released or finished one (which can unblock the next delivery of that case).
///
/// A waiter passes the generation it read before it looked at the store; a signal since then returns
/// at once, so none is lost between an empty receive and the wait. Waiters are woken all together and
/// race to receive; the losers wait again for what is left of their time.
final class QueueArrivals: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var nextID: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    /// The count of signals so far; pass it to `wait(after:timeout:)`.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// Wakes every waiter.
    func signal() {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.generation &+= 1
            let all = Array(state.waiters.values)
            state.waiters.removeAll()
            return all
        }
        for continuation in woken { continuation.resume() }
    }

    /// Returns when signalled after `generation`, after `timeout`, or when the task is cancelled (a
    /// poller that went away).
    func wait(after generation: UInt64, timeout: Duration) async {
        let id = state.withLock { state -> UInt64 in
            state.nextID &+= 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let waits = state.withLock { state -> Bool in
                    guard state.generation == generation else { return false }
                    state.waiters[id] = continuation
                    return true
                }
                guard waits else {
                    continuation.resume()
                    return
                }
                // The cancellation handler may have run before the waiter was registered.
                if Task.isCancelled { resume(id) }
                let milliseconds = max(1, timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
                DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(min(milliseconds, 86_400_000)))) {
                    self.resume(id)
                }
            }
        } onCancel: {
            resume(id)
        }
    }

    private func resume(_ id: UInt64) {
        state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
    }
}
