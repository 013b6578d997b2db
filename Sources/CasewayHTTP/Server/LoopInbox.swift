import Synchronization

/// Messages from other threads to the event loop, with an eventfd wake-up.
final class LoopInbox: Sendable {
    enum Message: Sendable {
        /// A task handler's response for connection `id` on descriptor `fd`, request `sequence`.
        case response(fd: Int32, id: UInt64, sequence: UInt64, HTTPResponse)
        /// Stop accepting and drain until `deadline`.
        case stop(deadline: ContinuousClock.Instant)
    }

    private struct State {
        var messages: [Message] = []
        /// A wake-up has been written and not yet consumed: further posts need not write again.
        var signalled = false
        /// The loop has exited and closed the eventfd: its number may belong to another file by now.
        var closed = false
    }

    private let state = Mutex(State())
    let notifier: EventNotifier

    init(notifier: EventNotifier) {
        self.notifier = notifier
    }

    /// Queues a message and wakes the loop; false when the loop has already exited.
    @discardableResult
    func post(_ message: Message) -> Bool {
        state.withLock { state in
            guard !state.closed else { return false }
            state.messages.append(message)
            if !state.signalled {
                state.signalled = true
                // Written under the lock so that `close()` cannot close the descriptor in between.
                do {
                    try notifier.signal()
                } catch {
                    state.signalled = false
                }
            }
            return true
        }
    }

    /// Everything posted so far; the loop calls it after draining the eventfd, so no wake-up is lost.
    func take() -> [Message] {
        state.withLock { state in
            state.signalled = false
            let messages = state.messages
            state.messages = []
            return messages
        }
    }

    /// Refuses further messages and closes the eventfd.
    func close() {
        state.withLock { state in
            state.closed = true
            state.messages = []
            notifier.close()
        }
    }
}
