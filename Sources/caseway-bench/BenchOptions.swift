/// `--name value` options of a subcommand, each known name at most once.
struct BenchOptions {
    private var values: [String: String] = [:]

    init(parsing arguments: ArraySlice<String>, allowed: Set<String>) throws(BenchUsageError) {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            guard argument.hasPrefix("--"), allowed.contains(String(argument.dropFirst(2))) else {
                throw BenchUsageError(message: "unknown argument '\(argument)'")
            }
            let name = String(argument.dropFirst(2))
            guard let value = remaining.popFirst() else { throw BenchUsageError(message: "\(argument) needs a value") }
            guard values[name] == nil else { throw BenchUsageError(message: "\(argument) given twice") }
            values[name] = value
        }
    }

    subscript(name: String) -> String? { values[name] }

    /// A positive integer option, or `fallback` when absent.
    func positiveInteger(_ name: String, default fallback: Int) throws(BenchUsageError) -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), value > 0 else { throw BenchUsageError(message: "--\(name) must be a positive integer, not '\(text)'") }
        return value
    }

    /// A comma-separated list of positive integers, or `fallback` when absent.
    func positiveIntegers(_ name: String, default fallback: [Int]) throws(BenchUsageError) -> [Int] {
        guard let text = values[name] else { return fallback }
        var result: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Int(part), value > 0 else {
                throw BenchUsageError(message: "--\(name) must be positive integers separated by commas, not '\(text)'")
            }
            result.append(value)
        }
        return result
    }
}
