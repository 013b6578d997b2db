import CasewayStore

/// Records for tests, with readable defaults.
enum StoreFixtures {
    static func makeCase(at time: Timestamp, client: String = "report-it", body: String = #"{"type":"pothole"}"#,
                         senderReference: String? = nil) -> CaseRecord {
        CaseRecord(id: RecordIDGenerator.shared.next(at: time), receivedAt: time, client: client,
                   contentType: "application/json", senderReference: senderReference, body: Array(body.utf8))
    }

    /// Opens a store in `directory` with small pools, as tests need no more.
    static func openStore(_ directory: String, queueCapacity: Int = 4096, maxBatchSize: Int = 1024) throws -> Store {
        try Store(directory: directory, configuration: Store.Configuration(queueCapacity: queueCapacity,
                                                                            maxBatchSize: maxBatchSize, readerCount: 2))
    }

    /// Polls `condition` (every millisecond, up to 10 s) for states reached on the writer thread.
    static func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<10_000 {
            if condition() { return }
            try await Task.sleep(for: .milliseconds(1))
        }
        throw TestFailure("condition not reached within 10 s")
    }
}
