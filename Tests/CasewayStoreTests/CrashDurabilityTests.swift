import CasewayStore
import Foundation
import Testing

/// Invariant 4: a crash at any instant loses nothing that was acknowledged.
struct CrashDurabilityTests {
    @Test(.timeLimit(.minutes(2)))
    func everyAcknowledgedCase_survivesRepeatedHardKills() async throws {
        let bench = try BenchExecutable.url()
        try await withTemporaryDirectory { directory in
            var acknowledged: [String: String] = [:]
            var killedWhileWriting = 0
            for round in 0..<20 {
                let process = Process()
                process.executableURL = bench
                process.arguments = ["store-crash-child", "--data", directory, "--writers", "8"]
                let output = Pipe()
                let errors = Pipe()
                process.standardOutput = output
                process.standardError = errors
                try process.run()
                // The parent's copies of the write ends must go, or the reads never see end of file.
                try output.fileHandleForWriting.close()
                try errors.fileHandleForWriting.close()
                async let acks = OutputCollector.readToEnd(output.fileHandleForReading)
                async let messages = OutputCollector.readToEnd(errors.fileHandleForReading)

                try await Task.sleep(for: .milliseconds(Int.random(in: 50...500)))
                kill(process.processIdentifier, SIGKILL)
                let (ackBytes, messageBytes) = await (acks, messages)
                process.waitUntilExit()
                let stderr = String(decoding: messageBytes, as: UTF8.self)
                #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL,
                        "round \(round): the child ended by itself: \(stderr)")

                var roundAcks = 0
                // Only whole lines count: the kill may have cut nothing, since each line is one write(2).
                for line in String(decoding: ackBytes, as: UTF8.self).split(separator: "\n") {
                    let fields = line.split(separator: " ")
                    guard fields.count == 3, fields[0] == "ack" else {
                        Issue.record("round \(round): unexpected output line '\(line)'")
                        continue
                    }
                    acknowledged[String(fields[1])] = String(fields[2])
                    roundAcks += 1
                }
                if roundAcks > 0 { killedWhileWriting += 1 }
            }
            #expect(killedWhileWriting >= 5, "rounds killed after writing had begun: \(killedWhileWriting) of 20")
            #expect(acknowledged.count > 0)

            let store = try Store(directory: directory)
            let acknowledgedNow = acknowledged
            let (missing, different, integrity) = try await store.read { connection in
                var missing: [String] = []
                var different: [String] = []
                for (id, hash) in acknowledgedNow {
                    guard let caseID = RecordID(id), let stored = try connection.fetchCase(id: caseID) else {
                        missing.append(id)
                        continue
                    }
                    if SHA256.hex(SHA256.hash(stored.body)) != hash || SHA256.hex(stored.bodySHA256) != hash {
                        different.append(id)
                    }
                }
                return (missing, different, try connection.scalar("PRAGMA integrity_check", as: String.self))
            }
            #expect(missing.isEmpty, "\(missing.count) of \(acknowledged.count) acknowledged cases lost: \(missing.prefix(5))")
            #expect(different.isEmpty, "\(different.count) cases with a different body: \(different.prefix(5))")
            #expect(integrity == "ok")
            await store.close()
        }
    }
}
