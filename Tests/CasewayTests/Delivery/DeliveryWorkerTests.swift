import CasewayMapping
import CasewayStore
import Foundation
import Testing

@testable import Caseway

/// A worker against a real temporary store and a scripted in-process transport: what ends delivered,
/// retried or dead-lettered, with which attempts, and what the circuit breaker holds back.
struct DeliveryWorkerTests {
    let bench: WorkerTestBench
    var store: Store { bench.store }
    var clock: SystemClock { bench.clock }

    init() throws {
        bench = try WorkerTestBench()
    }

    static let body = Array(#"{"service_code":"POT","description":"pothole","source":{"reference":"FO-1"}}"#.utf8)

    func connector(name: String = "partner", mapping: String? = nil, retry: RetryPolicy? = nil, concurrency: Int = 4) throws -> ConnectorDeclaration {
        var policy = RetryPolicy()
        policy.initialDelay = .milliseconds(20)
        policy.maxDelay = .milliseconds(40)
        policy.jitter = 0
        var declaration = try TestConnectors.declaration(name: name, mapping: mapping)
        declaration.retry = retry ?? policy
        declaration.concurrency = concurrency
        return declaration
    }

    func worker(
        _ connector: ConnectorDeclaration, transport: any DeliveryTransport, mapping: Mapping? = nil,
        breaker: CircuitBreakerSettings = CircuitBreakerSettings()
    ) -> DeliveryWorker {
        var connector = connector
        connector.circuitBreaker = breaker
        return bench.worker(connector, transport: transport, mapping: mapping)
    }

    /// Stores a case with one pending delivery to `connector` per entry; returns the delivery ids.
    @discardableResult
    func enqueue(_ connector: String, cases: Int = 1, deliveriesPerCase: Int = 1) async throws -> [RecordID] {
        let now = clock.now()
        return try await store.write { connection in
            var ids: [RecordID] = []
            for _ in 0..<cases {
                let record = CaseRecord(id: RecordIDGenerator.shared.next(at: now), receivedAt: now, client: "fo", contentType: "application/json", body: Self.body)
                try connection.insertCase(record)
                for _ in 0..<deliveriesPerCase {
                    ids.append(try connection.insertDelivery(id: RecordIDGenerator.shared.next(at: now), caseID: record.id, connector: connector, dueAt: now, now: now).id)
                }
            }
            return ids
        }
    }

    func run(_ worker: DeliveryWorker, until done: @escaping @Sendable (Connection) throws -> Bool) async throws {
        try await bench.run(worker, until: done)
    }

    func delivery(_ id: RecordID) async throws -> DeliveryRecord? {
        try await store.read { try $0.delivery(id: id) }
    }

    @Test func transientFailuresThenSuccess_EndDeliveredWithEveryAttemptRecorded() async throws {
        let failing = DeliveryResult.failed(DeliveryFailure(.transient, "503 Service Unavailable", httpStatus: 503))
        let transport = ScriptedTransport([failing, failing, .delivered(reference: "HW-1", httpStatus: 201)])
        let ids = try await enqueue("partner")
        let partnerWorker = worker(try connector(), transport: transport)
        try await run(partnerWorker) { try $0.delivery(id: ids[0])?.state == .delivered }
        let delivered = try #require(try await delivery(ids[0]))
        #expect(delivered.state == .delivered)
        #expect(delivered.backofficeReference == "HW-1")
        // What /metrics shows: each recorded attempt by outcome.
        #expect(partnerWorker.metrics.attempts == [
            HubMetrics.Sample(labels: ["partner", "delivered"], value: 1), HubMetrics.Sample(labels: ["partner", "retry"], value: 2),
        ])
        let attempts = try await store.read { try $0.attempts(deliveryID: ids[0]) }
        #expect(attempts.map(\.outcome) == [.retry, .retry, .delivered])
        #expect(attempts.map(\.httpStatus) == [503, 503, 201])
        // Every try carried the same delivery id: the partner's idempotency key.
        #expect(Set(transport.parcels.map(\.deliveryID)) == [ids[0]])
    }

    @Test func permanentFailure_DeadLettersAfterOneAttempt() async throws {
        let transport = ScriptedTransport([.failed(DeliveryFailure(.permanent, "400 Bad Request: unknown category", httpStatus: 400))])
        let ids = try await enqueue("partner")
        try await run(worker(try connector(), transport: transport)) { try $0.delivery(id: ids[0])?.state == .dead }
        let dead = try #require(try await delivery(ids[0]))
        #expect(dead.deadReason == "permanent_error")
        #expect(dead.lastError?.contains("unknown category") == true)
        #expect(transport.parcels.count == 1)
    }

    @Test func exhaustedAttempts_DeadLetterWithTheLastError() async throws {
        var policy = RetryPolicy()
        policy.maxAttempts = 3
        policy.initialDelay = .milliseconds(10)
        policy.jitter = 0
        let transport = ScriptedTransport([.failed(DeliveryFailure(.transient, "connection refused"))])
        let ids = try await enqueue("partner")
        try await run(worker(try connector(retry: policy), transport: transport)) { try $0.delivery(id: ids[0])?.state == .dead }
        let dead = try #require(try await delivery(ids[0]))
        #expect(dead.deadReason == "attempts_exhausted")
        #expect(dead.lastError?.contains("connection refused") == true)
        #expect(transport.parcels.count == 3)
    }

    @Test func mappingFailure_DeadLettersWithoutSending() async throws {
        let mapping = try Mapping(text: """
            { name: "needs-usrn", input: "json", output: "json",
              fields: [{ target: "usrn", source: "$.location.usrn", transforms: ["required"] }] }
            """)
        let transport = ScriptedTransport([])
        let ids = try await enqueue("partner")
        try await run(worker(try connector(mapping: "needs-usrn"), transport: transport, mapping: mapping)) {
            try $0.delivery(id: ids[0])?.state == .dead
        }
        let dead = try #require(try await delivery(ids[0]))
        #expect(dead.deadReason == "mapping_error")
        #expect(dead.lastError?.contains("usrn") == true)
        #expect(transport.parcels.isEmpty)
    }

    @Test func mappedPayload_IsWhatTheTransportGets() async throws {
        let mapping = try Mapping(text: """
            { name: "code-only", input: "json", output: "json",
              fields: [{ target: "code", source: "$.service_code" }, { target: "case", variable: "case_id" }] }
            """)
        let transport = ScriptedTransport([])
        let ids = try await enqueue("partner")
        try await run(worker(try connector(mapping: "code-only"), transport: transport, mapping: mapping)) {
            try $0.delivery(id: ids[0])?.state == .delivered
        }
        let parcel = try #require(transport.parcels.first)
        #expect(parcel.contentType == "application/json")
        #expect(String(decoding: parcel.body, as: UTF8.self) == #"{"code":"POT","case":"\#(parcel.caseRecord.id.text)"}"#)
    }

    @Test func openBreaker_StopsSendingUntilThePauseEnds() async throws {
        var breaker = CircuitBreakerSettings()
        breaker.failureThreshold = 2
        breaker.pause = .seconds(30)
        let transport = ScriptedTransport([.failed(DeliveryFailure(.transient, "connection refused"))])
        try await enqueue("partner", cases: 6)
        let paused = worker(try connector(concurrency: 1), transport: transport, breaker: breaker)
        try await run(paused) { _ in transport.parcels.count >= 2 }
        // Give it time it would have used to burn more attempts, had the breaker not opened.
        let again = Task { await paused.run() }
        try await Task.sleep(for: .milliseconds(300))
        paused.stop()
        await again.value
        #expect(transport.parcels.count == 2)
        #expect(paused.breaker.isOpen)
    }

    @Test func aCaseWaitsForItsEarlierDeliveryToTheSameConnector() async throws {
        let transport = ScriptedTransport([
            .failed(DeliveryFailure(.transient, "503")), .delivered(reference: nil, httpStatus: 200),
            .delivered(reference: nil, httpStatus: 200),
        ])
        let ids = try await enqueue("partner", deliveriesPerCase: 2)
        try await run(worker(try connector(), transport: transport)) { try $0.delivery(id: ids[1])?.state == .delivered }
        // The second was never sent before the first succeeded.
        #expect(transport.parcels.map(\.deliveryID) == [ids[0], ids[0], ids[1]])
    }
}
