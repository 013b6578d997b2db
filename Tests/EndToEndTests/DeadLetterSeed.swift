import CasewayStore
import Foundation

/// Dead letters written straight into a hub's store, as a delivery worker would leave them.
enum DeadLetterSeed {
    /// One dead letter: its id and its case's id.
    struct Made {
        var id: String
        var caseID: String
    }

    /// For each connector of `connectors`, a case from `client` with one delivery that failed twice
    /// (HTTP 503, then 400) and died with `reason`, keeping the mapped payload `payload`.
    static func deadLetters(in dataDirectory: URL, connectors: [String], reason: DeadLetterReason = .permanentError,
                            client: String = "webforms", payload: [UInt8] = Array("<Report><Ref>WF-1</Ref></Report>".utf8)) async throws -> [Made] {
        let store = try Store(directory: dataDirectory.path)
        var made: [Made] = []
        for connector in connectors {
            // A millisecond apart so that the list's order is the order made here.
            try await Task.sleep(for: .milliseconds(2))
            let now = SystemClock().now()
            let record = CaseRecord(id: RecordIDGenerator.shared.next(at: now), receivedAt: now, client: client,
                                    contentType: "application/json", senderReference: "WF-\(made.count + 1)",
                                    body: Array(#"{"service_code":"HW_POT","description":"Pothole"}"#.utf8))
            let id = RecordIDGenerator.shared.next(at: now)
            try await store.write { connection in
                try connection.insertCase(record)
                try connection.insertDelivery(id: id, caseID: record.id, connector: connector, dueAt: now, now: now)
                for (index, status) in [503, 400].enumerated() {
                    _ = try connection.claimDueDeliveries(connector: connector, now: now, leaseDuration: .seconds(30), owner: "seed", limit: 1)
                    try connection.insertAttempt(AttemptRecord(
                        id: RecordIDGenerator.shared.next(at: now), deliveryID: id, startedAt: now, durationMilliseconds: 40 + Int64(index),
                        outcome: index == 0 ? .retry : .dead, httpStatus: status, error: index == 0 ? "Service Unavailable" : "unknown street",
                        reference: nil))
                    if index == 0 { try connection.rescheduleDelivery(id: id, owner: "seed", dueAt: now, error: "HTTP 503", now: now) }
                }
                try connection.deadLetterDelivery(id: id, owner: "seed", reason: reason, error: "HTTP 400: unknown street", now: now,
                                                  payload: payload, payloadContentType: "application/xml")
            }
            made.append(Made(id: id.text, caseID: record.id.text))
        }
        await store.close()
        return made
    }

    /// A case from `client` that no connector took: a `no_route` dead letter.
    static func noRoute(in dataDirectory: URL, client: String = "webforms") async throws -> Made {
        let store = try Store(directory: dataDirectory.path)
        let now = SystemClock().now()
        let record = CaseRecord(id: RecordIDGenerator.shared.next(at: now), receivedAt: now, client: client,
                                contentType: "application/json", body: Array(#"{"service_code":"ZZ_UNKNOWN"}"#.utf8))
        let dead = try await store.write { connection in
            try connection.insertCase(record)
            return try connection.insertNoRouteDeadLetter(id: RecordIDGenerator.shared.next(at: now), caseID: record.id, now: now)
        }
        await store.close()
        return Made(id: dead.id.text, caseID: record.id.text)
    }
}
