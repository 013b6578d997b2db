#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CasewayStore

/// `store-crash-child`: writes cases through the group-commit writer until killed, printing
/// `ack <case id> <sha256 of body>` once each write has returned (committed). The crash test kills it
/// with SIGKILL and checks that every acknowledged case survived.
enum StoreCrashChild {
    static func run(_ options: BenchOptions) async -> Int32 {
        guard let data = options["data"] else { return BenchCommand.usageError("store-crash-child needs --data DIR") }
        let writers: Int
        do {
            writers = try options.positiveInteger("writers", default: 8)
        } catch {
            return BenchCommand.usageError(error.message)
        }
        let store: Store
        do {
            store = try Store(directory: data)
        } catch {
            BenchCommand.printError("caseway-bench: \(error)")
            return 1
        }
        let failed = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<writers {
                group.addTask { await writeUntilKilled(store) }
            }
            return await group.contains(true)
        }
        return failed ? 1 : 0
    }

    /// Returns true only when a write failed.
    private static func writeUntilKilled(_ store: Store) async -> Bool {
        let clock = SystemClock()
        var random = SystemRandomNumberGenerator()
        while true {
            let seed = random.next() as UInt64
            let body = CaseBody.make(seed: seed)
            let now = clock.now()
            let record = CaseRecord(id: RecordIDGenerator.shared.next(at: now), receivedAt: now, client: "crash-test",
                                    contentType: "application/json", senderReference: "seed-\(seed)", body: body)
            do {
                try await store.write { try $0.insertCase(record) }
            } catch {
                BenchCommand.printError("caseway-bench: write failed: \(error)")
                return true
            }
            writeLine("ack \(record.id) \(SHA256.hex(record.bodySHA256))\n")
        }
    }

    /// One write(2) per line: lines shorter than PIPE_BUF reach a pipe whole, never interleaved.
    private static func writeLine(_ line: String) {
        let bytes = Array(line.utf8)
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(STDOUT_FILENO, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    // The reader has gone (the test ended): nothing left to acknowledge to.
                    exit(1)
                }
                offset += written
            }
        }
    }
}
