/// A command line that caseway-bench cannot run.
struct BenchUsageError: Error {
    let message: String
}
