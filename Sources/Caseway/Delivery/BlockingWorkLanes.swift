import Dispatch
import Synchronization

/// Runs blocking system calls (an fsync on a network share can take seconds) on threads of their own,
/// never on the cooperative pool that runs every Swift task.
///
/// `count` serial dispatch queues, used in turn. In libdispatch a serial queue with work gets a thread of
/// its own (it "overcommits"), so up to `count` calls block at once; a concurrent queue would instead share
/// the global pool's few threads (as many as cores) with every Swift task, so two fsyncs would stall the hub.
final class BlockingWorkLanes: Sendable {
    private let lanes: [DispatchQueue]
    private let next = Atomic<Int>(0)

    init(label: String, count: Int) {
        lanes = (0..<max(1, count)).map { DispatchQueue(label: "\(label).\($0)") }
    }

    /// Runs `work` on the next lane and returns its result.
    func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        let lane = lanes[next.add(1, ordering: .relaxed).oldValue % lanes.count]
        return await withCheckedContinuation { continuation in
            lane.async { continuation.resume(returning: work()) }
        }
    }
}
