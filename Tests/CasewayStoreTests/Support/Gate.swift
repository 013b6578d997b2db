import Dispatch
import Synchronization

/// Holds the writer thread inside a write until the test opens it, so that further writes queue up
/// and form one known batch.
final class Gate: Sendable {
    private let opened = DispatchSemaphore(value: 0)
    private let entered = Atomic<Bool>(false)

    /// Called inside a write body, on the writer thread: blocks until `open()`.
    func wait() {
        entered.store(true, ordering: .releasing)
        opened.wait()
    }

    /// Whether the writer is waiting at the gate.
    var isWaiting: Bool { entered.load(ordering: .acquiring) }

    func open() {
        opened.signal()
    }
}
