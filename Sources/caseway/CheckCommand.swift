import CasewayMapping
import Caseway
import Foundation

extension CommandSpec {
    /// `caseway check`: validates the configuration, connectors and mappings; every problem at once.
    static let check = CommandSpec(
        name: "check",
        synopsis: "check [--config FILE]",
        summary: "Validate caseway.json5 and every file in Mappings/ and Connectors/.",
        details: """
            Every problem is printed as file:line:column: field: message, all of them in one run.
            Then every mapping's golden tests (Mappings/<name>.tests/) run; a mismatch prints a diff.
            Exit status: 0 when the configuration is valid, 1 when it has problems, 2 on a usage error.
            """,
        flags: [.value("config", "FILE", "the hub configuration (default: caseway.json5)")],
        maxPositionals: 0,
        run: { arguments in
            let path = arguments.values["config"] ?? "caseway.json5"
            do throws(ConfigurationError) {
                let configuration = try Configuration.load(path: path)
                let golden = runGoldenTests(configuration, configPath: path)
                if !golden.failures.isEmpty {
                    for failure in golden.failures { StandardError.write(failure.description) }
                    StandardError.write(
                        "\(counted(golden.failures.count, "golden test")) failed, \(golden.passed) passed")
                    return ExitCode.failure
                }
                print(
                    "\(path): ok (\(counted(configuration.connectors.count, "connector")),"
                        + " \(counted(configuration.mappings.count, "mapping")),"
                        + " \(counted(configuration.hub.clients.count, "client")),"
                        + " \(counted(golden.passed, "golden test")) passed)")
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

/// Runs the golden tests of every mapping, from `<mappings_directory>/<name>.tests/`.
func runGoldenTests(_ configuration: Configuration, configPath: String) -> (passed: Int, failures: [GoldenFailure]) {
    let directory = configuration.hub.mappingsDirectory
    let configFolder = (configPath as NSString).deletingLastPathComponent
    let displayFolder = configFolder.isEmpty
        ? directory.lastPathComponent : (configFolder as NSString).appendingPathComponent(directory.lastPathComponent)
    var passed = 0
    var failures: [GoldenFailure] = []
    for declaration in configuration.mappings {
        let tests = directory.appendingPathComponent(declaration.name + ".tests")
        let result = GoldenTests.run(
            declaration.mapping, directory: tests,
            displayDirectory: (displayFolder as NSString).appendingPathComponent(declaration.name + ".tests"))
        passed += result.passed
        failures += result.failures
    }
    return (passed, failures)
}
