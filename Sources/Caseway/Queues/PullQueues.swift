import CasewayMapping
import CasewayStore

/// The hub's `queue` connectors: back offices receive their deliveries as messages, each hidden for a
/// visibility timeout, and ack, release or reject them (docs/queues.md).
///
/// A long poll waits on its queue's `QueueArrivals` (no polling of the store) and receives only when it
/// is about to answer, so a poller that goes away while waiting takes no message with it.
public final class PullQueues: Sendable {
    /// One queue connector with what a receive needs.
    struct Queue: Sendable {
        var settings: QueueConnectorSettings
        var mapping: Mapping?
        var arrivals = QueueArrivals()
    }

    /// Most messages one receive returns.
    public static let maxBatch = 100
    /// Longest long poll, in seconds; below the handler timeout's default (30 s).
    public static let maxWaitSeconds = 20

    private let queues: [String: Queue]
    private let store: Store
    private let clock: any WallClock
    private let log: HubLog
    private let ids: RecordIDGenerator
    /// Where the updates of rejections and of acks with a status go back to.
    private let updates: UpdateReturn
    /// Called after such an update is routed, with its connectors (wakes their workers and long polls).
    private let updatesRouted: @Sendable ([String]) -> Void

    public init(configuration: Configuration, store: Store, clock: any WallClock, log: HubLog, ids: RecordIDGenerator = .shared,
                updates: UpdateReturn = .nowhere, updatesRouted: @escaping @Sendable ([String]) -> Void = { _ in }) {
        let mappings = Dictionary(configuration.mappings.map { ($0.name, $0.mapping) }, uniquingKeysWith: { first, _ in first })
        var queues: [String: Queue] = [:]
        for connector in configuration.connectors {
            guard case .queue(let settings) = connector.settings else { continue }
            queues[connector.name] = Queue(settings: settings, mapping: connector.mapping.flatMap { mappings[$0] })
        }
        self.queues = queues
        self.store = store
        self.clock = clock
        self.log = log
        self.ids = ids
        self.updates = updates
        self.updatesRouted = updatesRouted
    }

    /// The queue connectors' names.
    public var names: [String] { queues.keys.sorted() }

    /// The settings of queue `connector`; nil when it is not a queue connector.
    public func settings(_ connector: String) -> QueueConnectorSettings? { queues[connector]?.settings }

    /// Intake committed cases for `connectors`: wakes the long polls of those that are queues.
    public func arrived(_ connectors: [String]) {
        for name in connectors { queues[name]?.arrivals.signal() }
    }

    /// Receives up to `max` messages of `connector` for `consumer`, each hidden for `visibility` (the
    /// connector's default when nil). With none ready, waits up to `wait` for one to arrive.
    public func receive(connector: String, consumer: String, max: Int, wait: Duration,
                        visibility: Duration?) async throws -> [QueueMessage] {
        guard let queue = queues[connector] else { return [] }
        let deadline = ContinuousClock.now + wait
        while true {
            let generation = queue.arrivals.generation
            let messages = try await receiveReady(queue, connector: connector, consumer: consumer, max: max,
                                                  visibility: visibility ?? queue.settings.visibility)
            let remaining = deadline - ContinuousClock.now
            if !messages.isEmpty || remaining <= .zero || Task.isCancelled { return messages }
            // Leases running out and release delays ending make messages ready without a signal: wake then too.
            let now = clock.now()
            let nextReady = try await store.read { try $0.nextReadyAt(connector: connector, after: now) }
            var timeout = remaining
            if let nextReady { timeout = min(timeout, nextReady.duration(since: now)) }
            await queue.arrivals.wait(after: generation, timeout: timeout)
        }
    }

    /// One receive in one write: claims, maps each message with the connector's current mapping, and
    /// dead-letters (instead of returning) those whose mapping fails or whose case is missing.
    private func receiveReady(_ queue: Queue, connector: String, consumer: String, max: Int,
                              visibility: Duration) async throws -> [QueueMessage] {
        let now = clock.now()
        let maxReceives = queue.settings.maxReceives
        let mapping = queue.mapping
        // A receive does not wait for the disk: a lease lost in a power cut only makes its messages ready
        // again (at-least-once allows that), and a dead-lettering lost with it is made again by the next
        // receive, from the same receive count or the same mapping failure. Survives the hub being killed.
        let (messages, dead) = try await store.write(durability: .inOperatingSystem) { connection -> ([QueueMessage], [DeliveryRecord]) in
            var messages: [QueueMessage] = []
            var dead: [DeliveryRecord] = []
            while messages.count < max {
                let received = try connection.receiveMessages(
                    connector: connector, consumer: consumer, now: now, visibility: visibility, maxReceives: maxReceives,
                    limit: max - messages.count)
                dead += received.deadLettered
                var failed = 0
                for message in received.messages {
                    let delivery = message.delivery
                    let (reason, problem): (DeadLetterReason, String)
                    // A delivery of an update carries the update's JSON; its update is read in this same transaction.
                    let update = try delivery.updateID.flatMap { try connection.update(id: $0) }
                    if let record = message.caseRecord, delivery.updateID == nil || update != nil {
                        let source = DeliverySource.of(record, update: update)
                        guard let mapping else {
                            messages.append(Self.message(message, source.body, source.contentType))
                            continue
                        }
                        do {
                            let body = try mapping.run(source.body, variables: MappingVariables.of(delivery, record, now: now))
                            messages.append(Self.message(message, body, mapping.contentType))
                            continue
                        } catch {
                            // The same case fails the same mapping every time: fix the mapping, then replay.
                            (reason, problem) = (.mappingError, "mapping \(mapping.name) failed:\n\(error)")
                        }
                    } else if message.caseRecord == nil {
                        (reason, problem) = (.permanentError, "case \(delivery.caseID) is missing from the store")
                    } else {
                        (reason, problem) = (.permanentError, "update \(delivery.updateID?.text ?? "") is missing from the store")
                    }
                    try connection.deadLetterDelivery(id: delivery.id, owner: delivery.leaseOwner, reason: reason, error: problem, now: now)
                    if let stored = try connection.delivery(id: delivery.id) { dead.append(stored) }
                    failed += 1
                }
                // Without failures the claim already took every ready message it could.
                if failed == 0 { break }
            }
            return (messages, dead)
        }
        for delivery in dead {
            log.error("queue message dead-lettered", [
                "connector": .string(connector), "delivery_id": .string(delivery.id.text), "case_id": .string(delivery.caseID.text),
                "reason": .string(delivery.deadReason ?? ""), "error": .string(delivery.lastError ?? ""),
            ])
        }
        return messages
    }

    private static func message(_ record: QueueMessageRecord, _ body: [UInt8], _ contentType: String) -> QueueMessage {
        QueueMessage(
            receipt: record.receipt, deliveryID: record.delivery.id, caseID: record.delivery.caseID,
            receiveCount: record.delivery.attemptCount, visibleAgainAt: record.delivery.leaseUntil ?? record.delivery.dueAt,
            contentType: contentType, body: body)
    }

    /// Acks each of `acknowledgements` (delivered) and records the update each carries on its message's case,
    /// routed like any update, in the same transaction; one settlement per receipt, in order.
    ///
    /// Like a receive, a plain ack does not wait for the disk (`WriteDurability.inOperatingSystem`): an ack
    /// lost in a power cut makes the message come again, which is what at-least-once delivery already asks
    /// consumers to handle (a lease that ran out does the same), and what a broker's consumer ack promises
    /// too. It survives the hub being killed. An ack carrying an update waits for the disk, as every
    /// update does: a consumer that sees a message again may ack it plainly, and the update would be lost.
    ///
    /// A message that carries an update (a front office's update queue) records none: updates never beget updates.
    public func acknowledge(connector: String, consumer: String,
                            _ acknowledgements: [QueueAcknowledgement]) async throws -> [QueueSettlement] {
        let now = clock.now()
        let updates = updates
        let ids = ids
        let durability: WriteDurability = acknowledgements.contains { $0.update != nil } ? .onDisk : .inOperatingSystem
        let (settled, routed) = try await store.write(durability: durability) { connection -> ([QueueSettlement], [String]) in
            var settled: [QueueSettlement] = []
            var routed: [String] = []
            for acknowledgement in acknowledgements {
                let receipt = acknowledgement.receipt
                let settlement = try connection.acknowledgeMessage(connector: connector, receipt: receipt, consumer: consumer, now: now)
                settled.append(settlement)
                guard settlement == .settled, let update = acknowledgement.update,
                    let delivery = try connection.delivery(id: receipt.deliveryID), delivery.updateID == nil
                else { continue }
                let record = UpdateRecord(update, id: ids.next(at: now), caseID: delivery.caseID, client: consumer, now: now)
                routed += try updates.recordOnce(record, from: connector, in: connection, now: now)
            }
            return (settled, routed)
        }
        if !routed.isEmpty { updatesRouted(Array(Set(routed)).sorted()) }
        // A finished delivery lets the case's next delivery to this queue be received.
        if settled.contains(.settled) { queues[connector]?.arrivals.signal() }
        return settled
    }

    /// Returns each of `receipts` to the queue, ready again after `delay`.
    public func release(connector: String, consumer: String, receipts: [QueueReceipt], delay: Duration) async throws -> [QueueSettlement] {
        let now = clock.now()
        let dueAt = now.advanced(by: delay)
        // Not waiting for the disk, like an ack: a release lost in a power cut ends as its lease would.
        let settled = try await store.write(durability: .inOperatingSystem) { connection in
            try receipts.map { try connection.releaseMessage(connector: connector, receipt: $0, consumer: consumer, dueAt: dueAt, now: now) }
        }
        if settled.contains(.settled) && delay <= .zero { queues[connector]?.arrivals.signal() }
        return settled
    }

    /// Dead-letters the message of `receipt` as `rejected`, keeping the consumer's `code` and `reason`, and
    /// records the rejection as an update on the case (status `rejected`), so that the sender can learn
    /// why, routed like any update towards the case's origin; all in one transaction. A message that
    /// carries an update records none: updates never beget updates.
    public func reject(connector: String, consumer: String, receipt: QueueReceipt, code: String, reason: String) async throws -> QueueSettlement {
        let now = clock.now()
        let error = "rejected by \(consumer): \(code): \(reason)"
        let updateID = ids.next(at: now)
        let updates = updates
        let (settled, routed) = try await store.write { connection -> (QueueSettlement, [String]) in
            let settled = try connection.rejectMessage(connector: connector, receipt: receipt, consumer: consumer, error: error, now: now)
            guard settled == .settled, let delivery = try connection.delivery(id: receipt.deliveryID), delivery.updateID == nil else {
                return (settled, [])
            }
            let update = UpdateRecord.rejected(
                delivery.caseID, receipt: receipt, consumer: consumer, code: code, reason: reason, id: updateID, now: now)
            return (settled, try updates.record(update, from: connector, in: connection, now: now)?.connectors ?? [])
        }
        if !routed.isEmpty { updatesRouted(routed) }
        if settled == .settled {
            queues[connector]?.arrivals.signal()
            log.warning("queue message rejected", [
                "connector": .string(connector), "delivery_id": .string(receipt.deliveryID.text), "client": .string(consumer),
                "code": .string(code),
            ])
        }
        return settled
    }
}
