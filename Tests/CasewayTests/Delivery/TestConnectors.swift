import CasewayMapping
import Foundation

@testable import Caseway

/// Connector declarations for tests that need one without a configuration folder (the worker tests give
/// the worker its transport directly, so the file kind's settings are never used to write).
enum TestConnectors {
    struct Unreadable: Error {}

    static func declaration(name: String, mapping: String? = nil) throws -> ConnectorDeclaration {
        let text = #"{ name: "\#(name)", kind: "file", directory: "/nonexistent/caseway-test" }"#
        let source = ConfigurationSource(
            displayPath: "\(name).json5", document: try JSONParser(dialect: .json5, recordLocations: true).parse(Array(text.utf8)))
        let context = ConnectorContext(baseDirectory: URL(fileURLWithPath: "/"), environment: [:], namespaces: [:])
        guard
            let object = source.root(reportingTo: ConfigurationDiagnostics()).object(
                allowed: ConnectorDeclaration.sharedFields + FileConnectorSettings.fields + ["directory"]),
            let settings = FileConnectorSettings.read(object, context: context)
        else { throw Unreadable() }
        return ConnectorDeclaration(name: name, kind: .file, source: source, settings: .file(settings), mapping: mapping)
    }
}
