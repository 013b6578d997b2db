import CasewayStore
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `caseway dlq` as an operator on call uses it, on the hub's data directory, with and without the hub running.
@Suite(.serialized)
struct DeadLetterCommandTests {
    private func dlq(_ hub: HubProcess, _ arguments: [String]) async throws -> ChildProcess.Result {
        try await ChildProcess.run(["dlq"] + arguments + ["--config", "caseway.json5"], environment: HubProcess.environment, in: hub.folder)
    }

    @Test func listShowReplayDiscard_withTheHubStopped() async throws {
        let hub = try HubProcess()
        let made = try await DeadLetterSeed.deadLetters(in: hub.dataDirectory, connectors: ["highways", "waste", "highways"])

        let list = try await dlq(hub, ["list"])
        #expect(list.status == 0, "\(list.standardError)")
        let lines = list.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ID") == true && lines.first?.contains("CONNECTOR") == true)
        #expect(lines.dropFirst().prefix(3).map { String($0.prefix(36)) } == made.map(\.id), "oldest first")
        #expect(lines[1].contains("highways") && lines[1].contains("permanent_error") && lines[1].contains("HTTP 400: unknown street"))
        #expect(list.standardOutput.contains("3 dead letters shown"))

        let filtered = try await dlq(hub, ["list", "--connector", "highways", "--limit", "1", "--json"])
        #expect(filtered.status == 0)
        let page = try #require(Data(filtered.standardOutput.utf8).jsonObject)
        #expect((page["dead_letters"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [made[0].id])
        let cursor = try #require(page["next_cursor"] as? String)
        let next = try await dlq(hub, ["list", "--connector", "highways", "--cursor", cursor])
        #expect(next.standardOutput.contains(made[2].id) && !next.standardOutput.contains(made[0].id))

        let show = try await dlq(hub, ["show", made[1].id])
        #expect(show.status == 0)
        for expected in ["dead letter", made[1].id, "waste", "permanent_error", "sender reference  WF-2", "HTTP 503",
                         "HTTP 400", "original body (application/json", #"{"service_code":"HW_POT","description":"Pothole"}"#,
                         "mapped payload (application/xml", "<Report><Ref>WF-1</Ref></Report>"] {
            #expect(show.standardOutput.contains(expected), "show lacks \(expected):\n\(show.standardOutput)")
        }
        let showJSON = try await dlq(hub, ["show", made[1].id, "--json"])
        #expect(Data(showJSON.standardOutput.utf8).jsonObject?["connector"] as? String == "waste")

        let replay = try await dlq(hub, ["replay", made[0].id])
        #expect(replay.status == 0, "\(replay.standardError)")
        #expect(replay.standardOutput.hasPrefix("replayed \(made[0].id) as "))
        let again = try await dlq(hub, ["replay", made[0].id])
        #expect(again.status == 1)
        #expect(again.standardError.contains("no open dead letter"))

        let discard = try await dlq(hub, ["discard", made[1].id])
        #expect(discard.status == 0)
        #expect(try await dlq(hub, ["discard", made[1].id]).status == 1)
        #expect(try await dlq(hub, ["show", made[1].id]).status == 1)

        let byConnector = try await dlq(hub, ["replay", "--connector", "highways"])
        #expect(byConnector.status == 0)
        #expect(byConnector.standardOutput.contains("1 dead letter of highways replayed, 0 failed"))
        #expect(try await dlq(hub, ["list"]).standardOutput.contains("no open dead letters"))

        // The store kept the links and the history.
        let store = try Store(directory: hub.dataDirectory.path)
        let (replays, discarded) = try await store.read { connection in
            (try RecordID(made[0].id).map { try connection.deliveries(replayOf: $0) } ?? [],
             try RecordID(made[1].id).flatMap { try connection.delivery(id: $0) })
        }
        await store.close()
        #expect(replays.map(\.state) == [.pending])
        #expect(replays.first?.connector == "highways")
        #expect(discarded?.resolution == .discarded)
    }

    @Test func replayWhileTheHubRuns_isSeenByTheHub_andIntakeKeepsWorking() async throws {
        let hub = try HubProcess()
        let made = try await DeadLetterSeed.deadLetters(in: hub.dataDirectory, connectors: ["highways", "highways"])
        let stray = try await DeadLetterSeed.noRoute(in: hub.dataDirectory)
        try await hub.start()
        // Submissions (the hub's writer) and the command (a second writer process) at the same time.
        let port = hub.port
        async let submissions: [Int] = withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask { try await Self.submit(port: port) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let replay = try await dlq(hub, ["replay", made[0].id, made[1].id])
        #expect(replay.status == 0, "\(replay.standardError)")
        #expect(try await submissions.allSatisfy { $0 == 202 })

        let caseView = try await hub.request("GET", target: "/v1/cases/\(made[0].caseID)")
        let deliveries = try #require(caseView.body.jsonObject?["deliveries"] as? [[String: Any]])
        #expect(deliveries.contains { $0["replay_of"] as? String == made[0].id && $0["state"] as? String == "pending" })
        // The replayed two left the list; the stray stays (so do the submissions': no connector takes them).
        let listed = try await hub.request("GET", target: "/v1/dead-letters?limit=500")
        let open = Set((listed.body.jsonObject?["dead_letters"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? [])
        #expect(open.contains(stray.id))
        #expect(!open.contains(made[0].id) && !open.contains(made[1].id))

        let noRoute = try await dlq(hub, ["replay", stray.id])
        #expect(noRoute.status == 1)
        #expect(noRoute.standardError.contains("no connector takes this case yet: add or change a connector's `when`, then replay"))
        #expect(try await hub.stop().status == 0)
    }

    /// Submits the sample pothole report; returns the status.
    private static func submit(port: Int) async throws -> Int {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/v1/cases"))
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = CaseAPITests.pothole
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(HubProcess.submitterKey)", forHTTPHeaderField: "Authorization")
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    @Test func usageErrors_exit2_andHelpIsThere() async throws {
        let hub = try HubProcess()
        _ = try await DeadLetterSeed.deadLetters(in: hub.dataDirectory, connectors: ["highways"])
        for arguments in [[], ["frob"], ["show"], ["show", "not-an-id"], ["replay"], ["discard"],
                          ["list", "--limit", "0"], ["list", "--reason", "lost"], ["list", "--case", "x"], ["list", "--cursor", "x"],
                          ["replay", "--connector", "highways", "01900000-0000-7000-8000-000000000000"],
                          ["show", "01900000-0000-7000-8000-000000000000", "--connector", "x"]] {
            let result = try await dlq(hub, arguments)
            #expect(result.status == 2, "dlq \(arguments): \(result.standardError)")
            #expect(result.standardError.contains("usage: caseway dlq"), "dlq \(arguments)")
        }
        let unknown = try await dlq(hub, ["show", "01900000-0000-7000-8000-000000000000"])
        #expect(unknown.status == 1)
        let help = try await ChildProcess.run(["dlq", "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("usage: caseway dlq"))
        #expect(try await ChildProcess.run(["help", "dlq"]).standardOutput == help.standardOutput)
        // A mistyped data directory is refused, not made into a new empty store.
        let elsewhere = try await dlq(hub, ["list", "--data", "no-such-data"])
        #expect(elsewhere.status == 1)
        #expect(!FileManager.default.fileExists(atPath: hub.folder.appendingPathComponent("no-such-data").path))
    }
}
