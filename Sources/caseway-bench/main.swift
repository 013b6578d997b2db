#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// caseway-bench: benchmarks, and the child processes of the crash tests. Never shipped to a council.
if CommandLine.arguments.dropFirst().first == "mapping" { exit(MappingBenchmark.run(Array(CommandLine.arguments.dropFirst(2)))) }
exit(await BenchCommand.run(Array(CommandLine.arguments.dropFirst())))
