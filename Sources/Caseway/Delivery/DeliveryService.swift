import CasewayMapping
import CasewayStore
import Synchronization

/// Every connector's delivery worker, started and stopped together, and woken when intake or an operator
/// gives one of them work.
public final class DeliveryService: Sendable {
    private let workers: [String: DeliveryWorker]
    private let tasks = Mutex<[Task<Void, Never>]>([])
    private let store: Store
    private let clock: any WallClock
    private let log: HubLog
    /// This process's lease owner name.
    public let owner: String

    /// Makes a worker per connector; throws, naming the connector, when a transport cannot be made.
    /// `updates` is where the update a delivered case yields goes back to; `updatesRouted` is told its connectors.
    public init(
        configuration: Configuration, store: Store, clock: any WallClock, log: HubLog,
        ids: RecordIDGenerator = .shared, settings: DeliverySettings = DeliverySettings(),
        updates: UpdateReturn = .nowhere, updatesRouted: @escaping @Sendable ([String]) -> Void = { _ in },
        metrics: HubMetrics = HubMetrics()
    ) throws {
        let owner = "hub-\(ids.next(at: clock.now()).text)"
        let mappings = Dictionary(configuration.mappings.map { ($0.name, $0.mapping) }, uniquingKeysWith: { first, _ in first })
        var workers: [String: DeliveryWorker] = [:]
        for connector in configuration.connectors {
            let made: (any DeliveryTransport)?
            do {
                made = try connector.settings.makeTransport(connector: connector.name)
            } catch {
                throw HubStartError("connector \(connector.name): \(error)")
            }
            // A queue's deliveries wait for its consumers; a worker would push them nowhere.
            guard let transport = made else { continue }
            workers[connector.name] = DeliveryWorker(
                connector: connector, mapping: connector.mapping.flatMap { mappings[$0] }, transport: transport, store: store,
                clock: clock, ids: ids, log: log, owner: owner, settings: settings, updates: updates,
                updatesRouted: updatesRouted, metrics: metrics)
        }
        self.workers = workers
        self.store = store
        self.clock = clock
        self.log = log
        self.owner = owner
    }

    /// The connectors with a worker.
    public var connectorNames: [String] { workers.keys.sorted() }

    /// Takes back the leases a previous, dead hub process held, then starts every worker. Only connectors
    /// with a worker: a queue consumer's lease is its visibility timeout and outlives a restart.
    public func start() async throws {
        let names = connectorNames
        let owner = owner
        let now = clock.now()
        let released = try await store.write { connection in
            try connection.releaseLeases(connectors: names, exceptOwner: owner, now: now)
        }
        if released > 0 {
            log.warning("resumed deliveries a previous hub process had claimed", ["deliveries": .number(JSONNumber(released))])
        }
        let started = workers.values.map { worker in Task { await worker.run() } }
        tasks.withLock { $0 = started }
    }

    /// Tells the workers of `connectors` that work is waiting.
    public func wake(_ connectors: [String]) {
        for name in connectors { workers[name]?.wakeup.signal() }
    }

    /// Tells every worker to look at the store now.
    public func wakeAll() {
        for worker in workers.values { worker.wakeup.signal() }
    }

    /// Stops claiming, lets sends in flight finish within `grace`, then cancels what is left; a delivery
    /// cut off keeps its lease and is taken back when the hub starts again.
    public func stop(grace: Duration) async {
        for worker in workers.values { worker.stop() }
        let running = tasks.withLock { $0 }
        let finished = Task {
            for task in running { await task.value }
        }
        let deadline = Task {
            try? await Task.sleep(for: grace)
            for task in running { task.cancel() }
        }
        await finished.value
        deadline.cancel()
    }
}
