import CasewayHTTP
import CasewayMapping
import Caseway

extension CommandSpec {
    /// `caseway serve`: validate, open the store, run until SIGTERM or SIGINT, then drain and stop.
    static let serve = CommandSpec(
        name: "serve",
        synopsis: "serve [--config FILE] [--listen HOST:PORT] [--data DIR]",
        summary: "Run the hub.",
        details: """
            The configuration is validated first; the hub refuses to start on any problem (exit 1).
            On SIGTERM or SIGINT it stops taking work, lets work in flight finish, and exits 0.
            """,
        flags: [
            .value("config", "FILE", "the hub configuration (default: caseway.json5)"),
            .value("listen", "HOST:PORT", "listen here instead of the configuration's address"),
            .value("data", "DIR", "keep the store here instead of the configuration's data directory"),
        ],
        maxPositionals: 0,
        run: { arguments in
            let path = arguments.values["config"] ?? "caseway.json5"
            var overrides = HubOverrides()
            if let listen = arguments.values["listen"] {
                switch ListenAddress.parse(listen) {
                case .success(let address): overrides.listen = address
                case .failure(let error):
                    StandardError.write("caseway serve: --listen \(listen): \(error)")
                    return ExitCode.usage
                }
            }
            overrides.dataDirectory = arguments.values["data"]
            let configuration: Configuration
            do throws(ConfigurationError) {
                configuration = try Configuration.load(path: path).applying(overrides)
            } catch {
                StandardError.write(error.description)
                StandardError.write("caseway serve: not starting: \(counted(error.problems.count, "problem")) in the configuration")
                return ExitCode.failure
            }
            do {
                try await Hub.serve(configuration: configuration)
                return ExitCode.success
            } catch {
                StandardError.write("caseway serve: \(error)")
                return ExitCode.failure
            }
        })
}
