import CasewayStore
import Foundation
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Invariant 4: a crash at any instant loses nothing that was acknowledged.
@Suite(.serialized)
struct IntakeCrashTests {
    /// Cases that got a 202, with the exact body sent.
    final class Acknowledged: Sendable {
        let cases = Mutex<[(id: String, body: Data)]>([])
    }

    @Test func everyAcknowledgedCase_SurvivesRepeatedKill9() async throws {
        let hub = try HubProcess()
        let acknowledged = Acknowledged()
        // At least 20 kills; more rounds (up to 80) while fewer than 1,500 cases were acknowledged, so a
        // machine busy with other tests still proves the point with thousands of cases.
        var kills = 0
        var generator = SystemRandomNumberGenerator()
        while kills < 20 || (acknowledged.cases.withLock { $0.count } < 1500 && kills < 80) {
            let round = kills
            kills += 1
            try await hub.start()
            let port = hub.port
            let posting = Task {
                await withTaskGroup(of: Void.self) { group in
                    for writer in 0..<8 {
                        group.addTask { await Self.post(port: port, round: round, writer: writer, into: acknowledged) }
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(Int.random(in: 150...450, using: &generator)))
            try await hub.crash()
            await posting.value
        }
        let expected = acknowledged.cases.withLock { $0 }
        print("intake crash test: \(expected.count) cases acknowledged across \(kills) kills")
        #expect(expected.count > 1000, "only \(expected.count) cases were acknowledged; the test proves little")

        let store = try Store(directory: hub.dataDirectory.path)
        let missing = try await store.read { connection in
            try expected.filter { entry in
                guard let id = RecordID(entry.id), let stored = try connection.fetchCase(id: id) else { return true }
                return stored.body != Array(entry.body)
            }.count
        }
        #expect(missing == 0, "\(missing) of \(expected.count) acknowledged cases are missing or changed")
        let integrity = try await store.read { try $0.scalar("PRAGMA integrity_check", as: String.self) }
        #expect(integrity == "ok")
        await store.close()
    }

    /// Posts cases one after another until the hub goes away, recording each 202.
    static func post(port: Int, round: Int, writer: Int, into acknowledged: Acknowledged) async {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 5
        let session = URLSession(configuration: configuration)
        defer { session.invalidateAndCancel() }
        var sequence = 0
        while !Task.isCancelled {
            sequence += 1
            let body = Data(
                """
                {"service_code":"HW_POT","source":{"reference":"CRASH-\(round)-\(writer)-\(sequence)"},
                 "description":"\(String(repeating: "pothole ", count: 150))\(UUID().uuidString)"}
                """.utf8)
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/cases")!)
            request.httpMethod = "POST"
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.setValue("Bearer \(HubProcess.submitterKey)", forHTTPHeaderField: "Authorization")
            guard let (data, response) = try? await session.data(for: request) else { return }
            guard (response as? HTTPURLResponse)?.statusCode == 202, let id = data.jsonObject?["id"] as? String else { return }
            acknowledged.cases.withLock { $0.append((id, body)) }
        }
    }
}
