import CasewayMapping
import Caseway

extension CommandSpec {
    /// `caseway check`: validates the configuration, connectors and mappings; every problem at once.
    static let check = CommandSpec(
        name: "check",
        synopsis: "check [--config FILE]",
        summary: "Validate caseway.json5 and every file in Mappings/ and Connectors/.",
        details: """
            Every problem is printed as file:line:column: field: message, all of them in one run.
            Exit status: 0 when the configuration is valid, 1 when it has problems, 2 on a usage error.
            """,
        flags: [.value("config", "FILE", "the hub configuration (default: caseway.json5)")],
        maxPositionals: 0,
        run: { arguments in
            let path = arguments.values["config"] ?? "caseway.json5"
            do throws(ConfigurationError) {
                let configuration = try Configuration.load(path: path)
                print(
                    "\(path): ok (\(counted(configuration.connectors.count, "connector")),"
                        + " \(counted(configuration.mappings.count, "mapping")),"
                        + " \(counted(configuration.hub.clients.count, "client")))")
                return ExitCode.success
            } catch {
                StandardError.write(error.description)
                StandardError.write("\(counted(error.problems.count, "problem")) found")
                return ExitCode.failure
            }
        })
}

/// "1 connector", "2 connectors".
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
