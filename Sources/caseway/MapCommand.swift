import CasewayMapping
import Caseway
import Foundation

extension CommandSpec {
    /// `caseway map MAPPING [INPUT|-]`: a dry run of one mapping over one document.
    static let map = CommandSpec(
        name: "map",
        synopsis: "map MAPPING [INPUT|-] [--case-id ID] [--config FILE]",
        summary: "Run one mapping over a document and print the output.",
        details: """
            MAPPING is a mapping's name from Mappings/. INPUT is a file, or - (the default) for standard input.
            The mapping's variables are case_id (from --case-id) and now (the current time, UTC).
            The output goes to standard output; every field error goes to standard error, one a line.
            Exit status: 0 mapped, 1 the configuration or the document has problems, 2 on a usage error.
            """,
        flags: [
            .value("config", "FILE", "the hub configuration (default: caseway.json5)"),
            .value("case-id", "ID", "the case id the hub would pass (the mapping's variable case_id)"),
        ],
        maxPositionals: 2,
        run: { arguments in
            guard let name = arguments.positionals.first else {
                StandardError.write("caseway map: missing MAPPING (a mapping's name)\nusage: caseway map MAPPING [INPUT|-] [--config FILE]")
                return ExitCode.usage
            }
            let path = arguments.values["config"] ?? "caseway.json5"
            let configuration: Configuration
            do throws(ConfigurationError) {
                configuration = try Configuration.load(path: path)
            } catch {
                StandardError.write(error.description)
                return ExitCode.failure
            }
            guard let declaration = configuration.mappings.first(where: { $0.name == name }) else {
                let names = configuration.mappings.map(\.name)
                StandardError.write(
                    "caseway map: no mapping named \"\(name)\"" + DidYouMean.hint(for: name, among: names)
                        + " (known: \(names.joined(separator: ", ")))")
                return ExitCode.usage
            }
            let inputPath = arguments.positionals.count > 1 ? arguments.positionals[1] : "-"
            let input: Data
            if inputPath == "-" {
                input = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let data = FileManager.default.contents(atPath: inputPath) else {
                    StandardError.write("caseway map: cannot read \(inputPath)")
                    return ExitCode.failure
                }
                input = data
            }
            do throws(MappingFailure) {
                var variables = ["now": ISO8601DateFormatter().string(from: Date())]
                if let caseID = arguments.values["case-id"] { variables["case_id"] = caseID }
                let output = try declaration.mapping.run(Array(input), variables: variables)
                FileHandle.standardOutput.write(Data(output))
                return ExitCode.success
            } catch {
                StandardError.write(error.description)
                return ExitCode.failure
            }
        })
}
