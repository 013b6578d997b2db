import CasewayMapping
import CasewayStore
import Synchronization

/// Delivers one connector's deliveries: claims the due ones with a lease, maps each, sends it through the
/// connector's transport, records the attempt, and moves the delivery on (delivered, retry later, dead letter).
///
/// Up to `concurrency` sends are in flight; a slow or failing delivery holds back only its own slot (and,
/// through the claim's ordering rule, the later deliveries of the same case to this connector). The
/// circuit breaker and the rate limit decide how much may be claimed; nothing is claimed that cannot be
/// sent at once, so a paused connector burns no attempts.
final class DeliveryWorker: Sendable {
    let connector: ConnectorDeclaration
    let mapping: Mapping?
    let transport: any DeliveryTransport
    let store: Store
    let clock: any WallClock
    let ids: RecordIDGenerator
    let log: HubLog
    /// Whose leases this worker's claims are: one per hub process.
    let owner: String
    let settings: DeliverySettings
    /// Where the update a delivered case yields (the back office's reference) goes back to.
    let updates: UpdateReturn
    /// Called after such an update is routed, with its connectors (wakes their workers and long polls).
    let updatesRouted: @Sendable ([String]) -> Void
    /// The process's counters: this worker's attempts by outcome, and its breaker.
    let metrics: HubMetrics
    let wakeup = Wakeup()
    private let stopping = Atomic<Bool>(false)
    private let breakerState: Mutex<CircuitBreaker>

    init(
        connector: ConnectorDeclaration, mapping: Mapping?, transport: any DeliveryTransport, store: Store,
        clock: any WallClock, ids: RecordIDGenerator, log: HubLog, owner: String, settings: DeliverySettings,
        updates: UpdateReturn = .nowhere, updatesRouted: @escaping @Sendable ([String]) -> Void = { _ in },
        metrics: HubMetrics = HubMetrics()
    ) {
        self.metrics = metrics
        self.connector = connector
        self.mapping = mapping
        self.transport = transport
        self.store = store
        self.clock = clock
        self.ids = ids
        self.log = log
        self.owner = owner
        self.settings = settings
        self.updates = updates
        self.updatesRouted = updatesRouted
        breakerState = Mutex(CircuitBreaker(settings: connector.circuitBreaker))
    }

    /// The circuit breaker as it stands (for the log and for tests).
    var breaker: CircuitBreaker { breakerState.withLock { $0 } }

    /// Asks the worker to finish what is in flight and return from `run`.
    func stop() {
        stopping.store(true, ordering: .releasing)
        wakeup.signal()
    }

    /// What one child task of the worker reports back.
    private enum Event: Sendable {
        case woken
        case attempted(AttemptReport)
    }

    /// Runs until `stop()`; returns once the sends in flight have finished.
    func run() async {
        var bucket = connector.rateLimit.map { TokenBucket(limit: $0, now: clock.now()) }
        await withTaskGroup(of: Event.self) { group in
            var inFlight = 0
            var sleeping = false
            while true {
                let stopping = stopping.load(ordering: .acquiring)
                if stopping && inFlight == 0 { break }
                // How long to sleep if nothing else happens: the poll interval at most, so work made due by
                // another process (`caseway dlq replay`) or by a retry time is found without a signal.
                var sleep = settings.pollInterval
                // Claims are writes: refill in batches (a quarter of the slots free, or none in flight) rather
                // than one claim per finished send, so the store sees one claim per batch.
                let free = connector.concurrency - inFlight
                if !stopping && free > 0 && (inFlight == 0 || free >= refillBatch) {
                    let now = clock.now()
                    var allowed = connector.concurrency - inFlight
                    var probing = false
                    switch breakerState.withLock({ $0.permit(now: now) }) {
                    case .flow: break
                    case .probe:
                        allowed = 1
                        probing = true
                    case .wait(let until):
                        allowed = 0
                        if let until { sleep = min(sleep, until.duration(since: now)) }
                    }
                    if allowed > 0, var limiter = bucket {
                        var granted = 0
                        while granted < allowed {
                            if let wait = limiter.take(now: now) {
                                sleep = min(sleep, wait)
                                break
                            }
                            granted += 1
                        }
                        bucket = limiter
                        allowed = granted
                    }
                    if allowed > 0 {
                        let claimed = await claim(limit: allowed, now: now)
                        if probing && claimed.isEmpty { breakerState.withLock { $0.abandonProbe(now: now) } }
                        for (delivery, record) in claimed {
                            inFlight += 1
                            group.addTask { .attempted(await self.attempt(delivery, record)) }
                        }
                        // A full claim may have left more due work behind: look again at once.
                        if claimed.count == allowed && inFlight < connector.concurrency { sleep = .zero }
                        if claimed.count < allowed { sleep = min(sleep, await untilNextDue(now: now)) }
                    }
                }
                if !sleeping && !stopping {
                    sleeping = true
                    let wakeup = self.wakeup
                    let timeout = max(sleep, .zero)
                    group.addTask {
                        await wakeup.wait(timeout: timeout)
                        return .woken
                    }
                }
                guard let event = await group.next() else { break }
                switch event {
                case .woken:
                    sleeping = false
                case .attempted(let report):
                    inFlight -= 1
                    noteBreaker(report)
                    metrics.setBreaker(connector: connector.name, open: breaker.isOpen)
                }
            }
        }
    }

    /// Free slots that make a claim worth its write.
    private var refillBatch: Int { max(1, connector.concurrency / 4) }

    private func claim(limit: Int, now: Timestamp) async -> [(delivery: DeliveryRecord, record: CaseRecord?)] {
        let name = connector.name
        let owner = owner
        let lease = settings.lease
        do {
            // A lease need not wait for the disk: one lost in a power cut leaves its deliveries due, to be
            // claimed again (and a restart releases a dead process's leases anyway).
            return try await store.write(durability: .inOperatingSystem) { connection in
                try connection.claimDueDeliveriesWithCases(
                    connector: name, now: now, leaseDuration: lease, owner: owner, limit: limit)
            }
        } catch {
            log.error("claiming deliveries failed", ["connector": .string(name), "error": .string("\(error)")])
            return []
        }
    }

    /// How long until this connector's next delivery is due, capped by the poll interval.
    private func untilNextDue(now: Timestamp) async -> Duration {
        let name = connector.name
        guard let due = try? await store.read({ try $0.nextDueAt(connector: name) }) else { return settings.pollInterval }
        return max(.zero, min(settings.pollInterval, due.duration(since: now)))
    }

    private func noteBreaker(_ report: AttemptReport) {
        let now = clock.now()
        switch report.breakerSignal {
        case .none:
            return
        case .partnerAnswered:
            if breakerState.withLock({ $0.recordSuccess() }) {
                log.info("circuit breaker closed", ["connector": .string(connector.name)])
            }
        case .partnerFailed:
            if let until = breakerState.withLock({ $0.recordFailure(now: now) }) {
                log.warning(
                    "circuit breaker open: deliveries to this connector pause",
                    ["connector": .string(connector.name), "until": .string(until.description),
                     "after": .string(report.error ?? "")])
            }
        }
    }
}
