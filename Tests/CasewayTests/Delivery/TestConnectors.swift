import CasewayMapping
import Foundation

@testable import Caseway

/// Connector declarations for tests that need one without a configuration folder.
enum TestConnectors {
    static func declaration(name: String, mapping: String? = nil) throws -> ConnectorDeclaration {
        let document = try JSONParser(dialect: .json5, recordLocations: true).parse(Array("{ name: \"\(name)\", kind: \"file\" }".utf8))
        var declaration = ConnectorDeclaration(name: name, kind: .file, source: ConfigurationSource(displayPath: "\(name).json5", document: document))
        declaration.mapping = mapping
        return declaration
    }
}
