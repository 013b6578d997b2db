import Synchronization

/// A shared yes/no that `/readyz` reads: set once the hub has started, cleared when it starts stopping.
final class ReadinessFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    init() {}

    var isSet: Bool { flag.load(ordering: .relaxed) }

    func set() { flag.store(true, ordering: .relaxed) }

    func clear() { flag.store(false, ordering: .relaxed) }
}
