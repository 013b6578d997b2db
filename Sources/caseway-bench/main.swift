#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// caseway-bench: benchmarks, and the child processes of the crash tests. Never shipped to a council.
exit(await BenchCommand.run(Array(CommandLine.arguments.dropFirst())))
