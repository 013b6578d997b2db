import Caseway

extension CommandSpec {
    /// `caseway version`.
    static let version = CommandSpec(
        name: "version",
        synopsis: "version",
        summary: "Print the version of this caseway.",
        details: "",
        flags: [],
        maxPositionals: 0,
        run: { _ in
            print("caseway \(CasewayVersion.current)")
            return ExitCode.success
        })
}
