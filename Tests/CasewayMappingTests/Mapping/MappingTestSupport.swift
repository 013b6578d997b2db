import Foundation
@testable import CasewayMapping

/// Compiles mappings written inline in tests and runs them over text.
enum MappingTestSupport {
    static func compile(_ text: String) throws -> Mapping {
        try Mapping(text: text, displayPath: "Mappings/test.json5")
    }

    /// The output as text, or a failure listing every problem.
    static func run(_ mapping: Mapping, _ input: String, variables: [String: String] = [:]) throws(MappingFailure) -> String {
        String(decoding: try mapping.run(Array(input.utf8), variables: variables), as: UTF8.self)
    }

    /// The problems of a run that is expected to fail, one description a line.
    static func problems(_ mapping: Mapping, _ input: String) -> [String] {
        do throws(MappingFailure) {
            _ = try mapping.run(Array(input.utf8))
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    /// The compiler's problems for mapping text, each `file:line:column: path: message`.
    static func compileProblems(_ text: String) -> [String] {
        do throws(ConfigurationError) {
            _ = try Mapping(text: text, displayPath: "Mappings/test.json5")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    /// A JSON → JSON mapping with these fields.
    static func jsonMapping(_ fields: String, extra: String = "") throws -> Mapping {
        try compile("{ name: \"t\", input: \"json\", output: \"json\", \(extra) fields: [\(fields)] }")
    }
}
