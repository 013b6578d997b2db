#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CasewayStore
import Synchronization

/// `store`: acknowledged writes per second of 1.5 KiB cases through the group-commit writer, for each
/// number of concurrent writers, with the p50/p99 time each write waited (µs). The same durability as
/// the peers' `sqlite wal_full_batchN`: WAL, synchronous=FULL, each write on disk when acknowledged.
enum StoreBenchmark {
    static func run(_ options: BenchOptions) async -> Int32 {
        let writerCounts: [Int]
        let seconds: Int
        do {
            writerCounts = try options.positiveIntegers("writers", default: [1, 8, 64])
            seconds = try options.positiveInteger("seconds", default: 5)
        } catch {
            return BenchCommand.usageError(error.message)
        }
        let base = options["data"] ?? "/tmp/caseway-bench-store-\(getpid())"
        for writers in writerCounts {
            let directory = "\(base)/writers\(writers)"
            removeStore(in: directory)
            do {
                try await measure(writers: writers, seconds: seconds, directory: directory)
            } catch {
                BenchCommand.printError("caseway-bench: \(error)")
                return 1
            }
            removeStore(in: directory)
        }
        if options["data"] == nil { rmdir(base) }
        return 0
    }

    private static func measure(writers: Int, seconds: Int, directory: String) async throws {
        let store = try Store(directory: directory)
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .seconds(seconds)
        let waits = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    var waits: [Int64] = []
                    waits.reserveCapacity(20_000)
                    // Bodies and their SHA-256 are made before the clock starts: hashing is the intake's
                    // work (about 9 µs per 1.5 KiB here), not the store's, and the peers' rows cost
                    // nothing to make either. Each write still gets its own id and time.
                    let bodies = (0..<16).map { index in
                        let body = CaseBody.stamped(seed: UInt64(writer) << 32 | UInt64(index))
                        return (body, SHA256.hash(body))
                    }
                    var count = 0
                    while clock.now < deadline {
                        let (body, hash) = bodies[count % bodies.count]
                        count += 1
                        let began = clock.now
                        let now = SystemClock().now()
                        let record = CaseRecord(id: RecordIDGenerator.shared.next(at: now), receivedAt: now,
                                                client: "bench", contentType: "application/json",
                                                body: body, bodySHA256: hash)
                        try await store.write { try $0.insertCase(record) }
                        waits.append((clock.now - began).microseconds)
                    }
                    return waits
                }
            }
            var all: [Int64] = []
            for try await waits in group { all.append(contentsOf: waits) }
            return all
        }
        let elapsed = (clock.now - start).seconds
        let statistics = store.writerStatistics
        await store.close()
        let sorted = waits.sorted()
        let rate = Double(sorted.count) / elapsed
        let name = "group_commit_writers\(writers)"
        print("bench=store case=\(name) value=\(Int(rate.rounded())) unit=writes/s")
        print("bench=store case=\(name)_wait_p50 value=\(percentile(sorted, 50)) unit=us")
        print("bench=store case=\(name)_wait_p99 value=\(percentile(sorted, 99)) unit=us")
        let perCommit = statistics.commits > 0 ? Double(statistics.committedWrites) / Double(statistics.commits) : 0
        BenchCommand.printError("# store writers=\(writers): \(sorted.count) writes in \(String(format: elapsed)) s, "
            + "\(statistics.commits) commits (\(String(format: perCommit)) writes/commit, largest \(statistics.largestBatch)), "
            + "peak queue \(statistics.peakQueued)")
    }

    private static func percentile(_ sorted: [Int64], _ percent: Int) -> Int64 {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, sorted.count * percent / 100)]
    }

    private static func removeStore(in directory: String) {
        for suffix in ["", "-wal", "-shm"] { unlink("\(directory)/caseway.sqlite\(suffix)") }
        rmdir(directory)
    }
}

extension Duration {
    fileprivate var microseconds: Int64 {
        components.seconds * 1_000_000 + components.attoseconds / 1_000_000_000_000
    }

    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

extension String {
    /// Two decimals, without Foundation's formatters.
    fileprivate init(format value: Double) {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        self = "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
