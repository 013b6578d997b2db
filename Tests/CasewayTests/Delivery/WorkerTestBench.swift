import CasewayMapping
import CasewayStore

@testable import Caseway

/// A temporary store and the means to run one delivery worker against it until the store shows an outcome:
/// what every worker test starts from.
final class WorkerTestBench {
    let directory: TemporaryDirectory
    let store: Store
    let clock = SystemClock()

    init() throws {
        directory = try TemporaryDirectory()
        store = try Store(directory: directory.path)
    }

    /// A worker for `connector` that looks at the store every 10 ms, sending the updates delivered cases
    /// yield back through `updates`.
    func worker(
        _ connector: ConnectorDeclaration, transport: any DeliveryTransport, mapping: Mapping? = nil,
        updates: UpdateReturn = .nowhere, updatesRouted: @escaping @Sendable ([String]) -> Void = { _ in }
    ) -> DeliveryWorker {
        var settings = DeliverySettings()
        settings.pollInterval = .milliseconds(10)
        return DeliveryWorker(
            connector: connector, mapping: mapping, transport: transport, store: store, clock: clock, ids: .shared,
            log: HubLog(sink: MemoryLogSink()), owner: "test-worker", settings: settings,
            updates: updates, updatesRouted: updatesRouted)
    }

    /// Runs `worker` until `done` holds for the store (or 10 s pass), then stops it.
    func run(_ worker: DeliveryWorker, until done: @escaping @Sendable (Connection) throws -> Bool) async throws {
        let task = Task { await worker.run() }
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if try await store.read(done) { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        worker.stop()
        await task.value
    }
}
