extension CommandSpec {
    /// `caseway help [COMMAND]`.
    static let help = CommandSpec(
        name: "help",
        synopsis: "help [COMMAND]",
        summary: "Show the commands, or one command's options.",
        details: "",
        flags: [],
        maxPositionals: 1,
        run: { arguments in
            guard let name = arguments.positionals.first else {
                print(CommandLineTool.overview)
                return ExitCode.success
            }
            guard let command = CommandLineTool.command(named: name) else {
                StandardError.write("caseway help: unknown command \"\(name)\"\(CommandLineTool.hint(for: name))")
                return ExitCode.usage
            }
            print(command.helpText, terminator: "")
            return ExitCode.success
        })
}
