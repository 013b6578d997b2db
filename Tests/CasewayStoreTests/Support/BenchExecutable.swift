import Foundation

/// The `caseway-bench` binary that `swift build --build-tests` puts beside the test bundle.
enum BenchExecutable {
    static func url() throws -> URL {
        // /proc/self/exe is the test runner itself on Linux; elsewhere the runner's first argument.
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: runner).deletingLastPathComponent()
        // On macOS the runner sits inside the .xctest bundle: walk up to the build directory.
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("caseway-bench")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        throw TestFailure("caseway-bench not found beside \(runner); build it with `swift build --build-tests`")
    }
}
