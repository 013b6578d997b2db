import Synchronization

/// Messages from other threads to the event loop, with an eventfd wake-up.
final class LoopInbox: Sendable {
    enum Message: Sendable {
        /// A task handler's response for connection `id` on descriptor `fd`, request `sequence`.
        case response(fd: Int32, id: UInt64, sequence: UInt64, HTTPResponse)
        /// A job of a handler task that prefers the loop's executor.
        case job(UnownedJob)
        /// Stop accepting and drain until `deadline`.
        case stop(deadline: ContinuousClock.Instant)
    }

    private struct State {
        var messages: [Message] = []
        /// The loop is (about to be) blocked in epoll_wait: a post must write the eventfd to wake it.
        /// While it is awake it takes messages after every round anyway, so no write is needed.
        var sleeping = false
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
            if state.sleeping, !state.signalled {
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

    /// Called by the loop before it blocks: false when messages are already waiting (do not block).
    func prepareToSleep() -> Bool {
        state.withLock { state in
            guard state.messages.isEmpty else { return false }
            state.sleeping = true
            return true
        }
    }

    /// Everything posted so far; the loop calls it after every wait (having drained the eventfd if it
    /// was readable), so no message waits for a wake-up that was never written.
    func take() -> [Message] {
        state.withLock { state in
            state.sleeping = false
            state.signalled = false
            let messages = state.messages
            state.messages = []
            return messages
        }
    }

    /// Refuses further messages and closes the eventfd; returns what was still queued.
    func close() -> [Message] {
        state.withLock { state in
            state.closed = true
            let left = state.messages
            state.messages = []
            notifier.close()
            return left
        }
    }
}
