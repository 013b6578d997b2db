#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Dispatches a subcommand; unknown ones get the usage on stderr and exit status 2.
enum BenchCommand {
    static let usage = """
        usage: caseway-bench store [--writers 1,8,64] [--seconds 5] [--data DIR]
               caseway-bench store-crash-child --data DIR [--writers N]
               caseway-bench http-healthz [--port P] [--handler immediate|task|loop-task]
               caseway-bench seed-waiting --data DIR --connector NAME [--count 100000] [--due-in SECONDS]
        """

    static func run(_ arguments: [String]) async -> Int32 {
        guard let command = arguments.first else { return usageError("no subcommand") }
        do {
            switch command {
            case "store":
                let options = try BenchOptions(parsing: arguments.dropFirst(), allowed: ["writers", "seconds", "data"])
                return await StoreBenchmark.run(options)
            case "store-crash-child":
                let options = try BenchOptions(parsing: arguments.dropFirst(), allowed: ["data", "writers"])
                return await StoreCrashChild.run(options)
            case "seed-waiting":
                let options = try BenchOptions(parsing: arguments.dropFirst(), allowed: ["data", "connector", "count", "due-in"])
                return try await WaitingDeliveriesSeed.run(options)
            case "http-healthz":
                return try await runHTTPHealthzBenchmark(arguments: Array(arguments.dropFirst()))
            case "help", "--help", "-h":
                print(usage)
                return 0
            default:
                return usageError("unknown subcommand '\(command)'")
            }
        } catch let error as BenchUsageError {
            return usageError(error.message)
        } catch {
            printError("caseway-bench: \(error)")
            return 1
        }
    }

    static func usageError(_ message: String) -> Int32 {
        printError("caseway-bench: \(message)\n\(usage)")
        return 2
    }

    static func printError(_ message: String) {
        // write(2) rather than stdio's stderr, a C global that strict concurrency rejects.
        let bytes = Array((message + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
