import CasewayMapping
import Foundation
import Testing

@testable import Caseway

/// A connector's `cases` and `updates` fields as `Configuration.load` reads them (hub client: `webforms`).
struct ConnectorUpdatesConfigurationTests {
    typealias Files = ConnectorConfigurationTests

    @Test func casesFalseAndClientList_AreRead() throws {
        let folder = try Files.folder([
            "callback": Files.connector("callback", ["cases: false", #"updates: { for_clients: ["webforms"] }"#])
        ])
        let connector = try #require(try Files.load(folder).connectors.first)
        #expect(connector.takesCases == false)
        #expect(connector.updates == .clients(["webforms"]))
    }

    @Test func star_TakesUpdatesForEveryClient_AndCasesStayOnByDefault() throws {
        let folder = try Files.folder([
            "both": Files.connector("both", [#"updates: { for_clients: "*" }"#]),
            "plain": Files.connector("plain"),
        ])
        let connectors = try Files.load(folder).connectors.sorted { $0.name < $1.name }
        #expect(connectors.map(\.takesCases) == [true, true])
        #expect(connectors.map(\.updates) == [.everyClient, nil], "no `updates`: no updates, as before")
    }

    @Test func unknownClient_IsReportedAtItsElementWithDidYouMean() throws {
        let problems = try Files.problems([
            "cb": Files.connector("cb", ["cases: false", #"updates: { for_clients: ["webforms", "webform"] }"#])
        ])
        #expect(problems == [
            #"Connectors/cb.json5:5:40: updates.for_clients[1]: no client named "webform" (did you mean "webforms"?) (clients: webforms)"#
        ])
    }

    @Test func casesFalse_WithWhenOrWithoutUpdates_IsReported() throws {
        let problems = try Files.problems([
            "a": Files.connector("a", ["cases: false", #"when: { field: "$.service_code", equals: "POT" }"#, #"updates: { for_clients: "*" }"#]),
            "b": Files.connector("b", ["cases: false"]),
        ])
        #expect(problems.count == 2)
        #expect(problems.first?.hasPrefix("Connectors/a.json5:5:3: when: `when` chooses cases") == true)
        #expect(problems.last?.hasPrefix("Connectors/b.json5:4:10: cases: with cases: false and no `updates`") == true)
    }

    @Test func badForClients_AreReported() throws {
        let problems = try Files.problems([
            "a": Files.connector("a", [#"updates: { for_clients: "all" }"#]),
            "b": Files.connector("b", ["updates: { for_clients: [] }"]),
            "c": Files.connector("c", ["updates: {}"]),
        ])
        #expect(problems.count == 3)
        #expect(problems.contains { $0.hasPrefix("Connectors/a.json5:4:27: updates.for_clients: expected a list of client names or \"*\"") })
        #expect(problems.contains { $0.hasPrefix("Connectors/b.json5:4:27: updates.for_clients: expected at least one client name") })
        #expect(problems.contains { $0.hasPrefix("Connectors/c.json5:4:12: updates: missing required field \"for_clients\"") })
    }

    @Test func fileConnectorTakingUpdates_NeedsTheDeliveryIDInItsFileName() throws {
        let problems = try Files.problems([
            "a": Files.connector("a", [#"updates: { for_clients: "*" }"#, #"file_name: "{case.id}""#]),
            "b": Files.connector("b", [#"updates: { for_clients: "*" }"#, #"file_name: "{case.id}-{delivery.id}""#]),
            "c": Files.connector("c", [#"file_name: "{case.id}""#]),
        ])
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("Connectors/a.json5:5:14: file_name: a file connector that takes updates needs {delivery.id}") == true)
    }

    @Test func updatesThroughAnXMLMapping_AreReported() throws {
        let folder = try Files.folder([
            "a": Files.connector("a", [#"updates: { for_clients: "*" }"#, #"mapping: "from-xml""#]),
            "b": Files.connector("b", [#"mapping: "from-xml""#]),
            "c": Files.connector("c", [#"updates: { for_clients: "*" }"#, #"mapping: "to-csv""#]),
        ])
        try folder.write(
            "Mappings/from-xml.json5", #"{ name: "from-xml", input: "xml", output: "json", fields: [{ target: "Ref", source: "/a/@b" }] }"#)
        do {
            _ = try Files.load(folder)
            Issue.record("a connector sending updates through an XML mapping was accepted")
        } catch {
            let problems = error.problems.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
            #expect(problems.count == 1)
            #expect(problems.first?.hasPrefix(#"Connectors/a.json5:5:12: mapping: mapping "from-xml" reads XML, but this connector takes updates"#) == true)
        }
    }
}
