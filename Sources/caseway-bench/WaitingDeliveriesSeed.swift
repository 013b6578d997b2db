import CasewayStore

/// Fills a data directory with cases whose deliveries wait for a retry a day from now, as a partner
/// that has been down for hours leaves them: the backlog the delivery-overhead benchmark needs.
enum WaitingDeliveriesSeed {
    static func run(_ options: BenchOptions) async throws(BenchUsageError) -> Int32 {
        guard let data = options["data"], let connector = options["connector"] else {
            throw BenchUsageError(message: "seed-waiting needs --data DIR and --connector NAME")
        }
        let count = try options.positiveInteger("count", default: 100_000)
        // Due a day from now by default (a backlog of retries); `--due-in 0` makes them due at once.
        let dueIn = options["due-in"].flatMap(Int64.init) ?? 86_400
        do {
            let store = try Store(directory: data)
            let now = SystemClock().now()
            let due = now.advanced(by: .seconds(dueIn))
            let body = CaseBody.stamped(seed: 0)
            var written = 0
            while written < count {
                let batch = min(1000, count - written)
                try await store.write { connection in
                    for _ in 0..<batch {
                        let record = CaseRecord(
                            id: RecordIDGenerator.shared.next(at: now), receivedAt: now, client: "seed",
                            contentType: "application/json", body: body)
                        try connection.insertCase(record)
                        try connection.insertDelivery(
                            id: RecordIDGenerator.shared.next(at: now), caseID: record.id, connector: connector, dueAt: due,
                            now: now)
                    }
                }
                written += batch
            }
            await store.close()
            print("seeded \(written) deliveries to \(connector), due \(due)")
            return 0
        } catch {
            BenchCommand.printError("caseway-bench seed-waiting: \(error)")
            return 1
        }
    }
}
