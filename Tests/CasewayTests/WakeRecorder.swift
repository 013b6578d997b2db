import Synchronization

/// Records every connector list an intake's `accepted` hook is called with.
final class WakeRecorder: Sendable {
    private let calls = Mutex<[[String]]>([])

    var recorded: [[String]] { calls.withLock { $0 } }

    func record(_ connectors: [String]) {
        calls.withLock { $0.append(connectors) }
    }
}
