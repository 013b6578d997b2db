import CasewayMapping
import Caseway

/// Reads the command line, runs one command and returns its exit code.
enum CommandLineTool {
    static let commands: [CommandSpec] = [.serve, .check, .map, .route, .dlq, .version, .help]

    static func command(named name: String) -> CommandSpec? {
        commands.first { $0.name == name }
    }

    static func hint(for name: String) -> String {
        DidYouMean.suggestion(for: name, among: commands.map(\.name)).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    static var overview: String {
        let width = commands.map(\.synopsis.count).max() ?? 0
        let lines = commands.map { "  caseway " + $0.synopsis.padding(to: width) + "  " + $0.summary }
        return """
            caseway \(CasewayVersion.current): an integration hub that carries councils' service requests \
            between front and back offices.

            commands:
            \(lines.joined(separator: "\n"))

            Run "caseway help COMMAND" or "caseway COMMAND --help" for a command's options.
            Exit status: 0 success; 1 the command ran and found problems or failed; 2 usage error.
            """
    }

    static func run(_ arguments: [String]) async -> Int32 {
        guard let name = arguments.first else {
            StandardError.write(overview)
            return ExitCode.usage
        }
        if name == "--help" || name == "-h" {
            print(overview)
            return ExitCode.success
        }
        if name == "--version" {
            return await CommandSpec.version.run(ParsedArguments())
        }
        guard let command = command(named: name) else {
            StandardError.write("caseway: unknown command \"\(name)\"\(hint(for: name)); run \"caseway help\" for the list")
            return ExitCode.usage
        }
        do {
            let parsed = try ParsedArguments.parse(
                Array(arguments.dropFirst()), flags: command.flags, maxPositionals: command.maxPositionals)
            if parsed.wantsHelp {
                print(command.helpText, terminator: "")
                return ExitCode.success
            }
            return await command.run(parsed)
        } catch {
            StandardError.write("caseway \(command.name): \(error)\nusage: caseway \(command.synopsis)")
            return ExitCode.usage
        }
    }
}

extension String {
    /// The string padded with spaces to `width` characters, for aligned help columns.
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
