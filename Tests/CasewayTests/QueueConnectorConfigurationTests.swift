import CasewayMapping
import Foundation
import Testing

@testable import Caseway

/// `queue` connector files and the clients' `queues` grants, as `Configuration.load` reads them.
struct QueueConnectorConfigurationTests {
    static func hub(clients: String) -> String {
        """
        {
          listen: "127.0.0.1:8080",
          data_directory: "data",
          clients: [
        \(clients)
          ],
        }
        """
    }
    static let environment = ["KEY": "a-key-of-at-least-sixteen-bytes"]

    static func folder(hub: String, connectors: [String: String]) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        _ = try folder.write("caseway.json5", hub)
        _ = try folder.write("Mappings/.keep", "")
        for (file, text) in connectors { _ = try folder.write("Connectors/\(file).json5", text) }
        return folder
    }

    static func load(hub: String, connectors: [String: String]) throws -> Configuration {
        let folder = try folder(hub: hub, connectors: connectors)
        return try Configuration.load(path: folder.path + "/caseway.json5", environment: environment)
    }

    static func problems(hub: String, connectors: [String: String]) throws -> [String] {
        let folder = try folder(hub: hub, connectors: connectors)
        do {
            _ = try Configuration.load(path: folder.path + "/caseway.json5", environment: environment)
            return []
        } catch {
            return error.problems.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        }
    }

    static let plainClient = #"    { name: "planning", scopes: ["receive"], key: { env: "KEY" }, queues: ["planning-queue"] },"#

    @Test func queueConnector_readsItsFields_andDefaults() throws {
        let configuration = try Self.load(hub: Self.hub(clients: Self.plainClient), connectors: [
            "planning-queue": #"{ name: "planning-queue", kind: "queue", visibility: "2m", max_receives: 3 }"#,
            "other": #"{ name: "other", kind: "queue" }"#,
        ])
        let byName = Dictionary(uniqueKeysWithValues: configuration.connectors.map { ($0.name, $0) })
        guard case .queue(let settings)? = byName["planning-queue"]?.settings else {
            Issue.record("not a queue connector")
            return
        }
        #expect(settings.visibility == .seconds(120))
        #expect(settings.maxReceives == 3)
        guard case .queue(let defaults)? = byName["other"]?.settings else {
            Issue.record("not a queue connector")
            return
        }
        #expect(defaults.visibility == .seconds(30))
        #expect(defaults.maxReceives == 10)
        #expect(try #require(configuration.hub.clients.first).queues == ["planning-queue"])
        #expect(try #require(configuration.hub.clients.first).mayReceive(from: "planning-queue"))
        #expect(try #require(configuration.hub.clients.first).mayReceive(from: "other") == false)
    }

    @Test func outOfRangeQueueFields_areReported() throws {
        let problems = try Self.problems(hub: Self.hub(clients: Self.plainClient), connectors: [
            "planning-queue": """
                { name: "planning-queue", kind: "queue",
                  visibility: "1s", max_receives: 0 }
                """,
        ])
        #expect(problems.count == 2)
        #expect(problems.contains { $0.hasPrefix("Connectors/planning-queue.json5:2:15: visibility:") })
        #expect(problems.contains { $0.hasPrefix("Connectors/planning-queue.json5:2:35: max_receives:") })
    }

    @Test func unknownQueueName_inAClient_isReportedWithDidYouMean() throws {
        let problems = try Self.problems(
            hub: Self.hub(clients: #"    { name: "planning", scopes: ["receive"], key: { env: "KEY" }, queues: ["planing-queue", "waste"] },"#),
            connectors: [
                "planning-queue": #"{ name: "planning-queue", kind: "queue" }"#,
                "waste": #"{ name: "waste", kind: "file", directory: "drop" }"#,
            ])
        #expect(problems == [
            #"caseway.json5:5:76: clients[0].queues[0]: no queue connector named "planing-queue" (did you mean "planning-queue"?) (queues: planning-queue)"#,
            #"caseway.json5:5:93: clients[0].queues[1]: no queue connector named "waste" (queues: planning-queue)"#,
        ])
    }

    @Test func queuesWithoutTheReceiveScope_areReported() throws {
        let problems = try Self.problems(
            hub: Self.hub(clients: #"    { name: "webforms", scopes: ["submit"], key: { env: "KEY" }, queues: ["planning-queue"] },"#),
            connectors: ["planning-queue": #"{ name: "planning-queue", kind: "queue" }"#])
        #expect(problems.count == 1)
        #expect(problems.first?.contains("\"receive\" scope") == true)
    }

    @Test func adminClient_mayReceiveFromEveryQueue() {
        let admin = ClientConfiguration(name: "ops", scopes: [.receive, .admin], keySource: .environment("X"), keyDigest: [])
        let submitter = ClientConfiguration(name: "web", scopes: [.submit], keySource: .environment("X"), keyDigest: [], queues: ["q"])
        #expect(admin.mayReceive(from: "anything"))
        #expect(submitter.mayReceive(from: "q") == false)
    }
}
