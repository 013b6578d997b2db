import CasewayMapping
import Foundation
import Testing

@testable import Caseway

/// A client's `update_mapping` as `Configuration.load` reads it: the mapping must exist and read XML into JSON.
struct ClientUpdateMappingConfigurationTests {
    static let environment = ["BO_KEY": "a-key-of-at-least-sixteen-bytes"]

    /// A configuration whose only client has `updateMapping` (and `scopes`), beside the mappings
    /// `xml-update` (xml → json) and `to-csv` (json → csv).
    static func folder(updateMapping: String, scopes: String = #"["update"]"#) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try folder.write("caseway.json5", """
            {
              listen: "127.0.0.1:8080",
              data_directory: "data",
              clients: [
                { name: "highways-bo", scopes: \(scopes), key: { env: "BO_KEY" }, update_mapping: "\(updateMapping)" },
              ],
            }
            """)
        try folder.write("Mappings/xml-update.json5", """
            { name: "xml-update", input: "xml", output: "json", fields: [{ target: "status", source: "/u/s" }] }
            """)
        try folder.write(
            "Mappings/to-csv.json5", #"{ name: "to-csv", input: "json", output: "csv", fields: [{ target: "Ref", source: "$.id" }] }"#)
        try FileManager.default.createDirectory(atPath: folder.path + "/Connectors", withIntermediateDirectories: true)
        return folder
    }

    static func problems(_ folder: TemporaryDirectory) -> [String] {
        ConfigurationTests().problems(folder, environment: environment)
    }

    @Test func knownXMLToJSONMapping_IsTheClientsUpdateMapping() throws {
        let folder = try Self.folder(updateMapping: "xml-update")
        let configuration = try Configuration.load(path: folder.path + "/caseway.json5", environment: Self.environment)
        #expect(configuration.hub.clients.first?.updateMapping == "xml-update")
        #expect(configuration.updateMappings["highways-bo"]?.name == "xml-update")
    }

    @Test func unknownMapping_IsReportedWhereItIsNamedWithDidYouMean() throws {
        let problems = Self.problems(try Self.folder(updateMapping: "xml-updat"))
        #expect(problems == [
            #"caseway.json5:5:88: clients[0].update_mapping: no mapping named "xml-updat" (did you mean "xml-update"?) (known: to-csv, xml-update)"#
        ])
    }

    @Test func mappingThatDoesNotReadXMLIntoJSON_IsReported() throws {
        let problems = Self.problems(try Self.folder(updateMapping: "to-csv"))
        #expect(problems.count == 1)
        #expect(problems.first?.contains(#"clients[0].update_mapping: mapping "to-csv" reads json and writes csv"#) == true)
    }

    @Test func clientWithoutTheUpdateScope_IsReported() throws {
        let problems = Self.problems(try Self.folder(updateMapping: "xml-update", scopes: #"["submit"]"#))
        #expect(problems.count == 1)
        #expect(problems.first?.contains(#"update_mapping: an update_mapping reads the client's updates, which need the "update" scope"#) == true)
    }
}
