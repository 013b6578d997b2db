import Foundation

/// A built executable of this package run as a child process, as a user or a supervisor would run it.
struct ChildProcess {
    /// The folder of the running test bundle, where SwiftPM also puts the package's executables.
    static var productsDirectory: URL {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        // On Linux the test runner is `<products>/CasewayPackageTests.xctest`; walk up until `caseway` is beside us.
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: directory.appendingPathComponent("caseway").path) {
            directory = directory.deletingLastPathComponent()
        }
        return directory
    }

    /// The repository root, for the sample configuration.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// What a finished run printed and how it ended.
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()

    init(_ executable: String = "caseway", _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) {
        process.executableURL = Self.productsDirectory.appendingPathComponent(executable)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = output
        process.standardError = errors
    }

    func start() throws {
        try process.run()
    }

    /// Runs to completion, with a time bound so a hung child fails the test instead of hanging the suite.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil, timeout: Duration = .seconds(60)
    ) async throws -> Result {
        let child = ChildProcess("caseway", arguments, environment: environment, in: directory)
        try child.start()
        return try await child.finish(timeout: timeout)
    }

    /// Waits for the child to exit (killing it after `timeout`) and collects everything it printed.
    func finish(timeout: Duration = .seconds(60)) async throws -> Result {
        let deadline = ContinuousClock.now + timeout
        async let outputText = Self.readAll(output.fileHandleForReading)
        async let errorText = Self.readAll(errors.fileHandleForReading)
        while process.isRunning {
            if ContinuousClock.now > deadline {
                kill(process.processIdentifier, SIGKILL)
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, standardOutput: await outputText, standardError: await errorText)
    }

    /// Reads standard output line by line until `predicate` accepts a line (or the stream ends).
    func waitForOutputLine(timeout: Duration = .seconds(30), where predicate: @escaping @Sendable (String) -> Bool) async -> String? {
        let handle = output.fileHandleForReading
        return await withTaskGroup(of: String?.self) { group in
            group.addTask {
                var buffer = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { return nil }
                    buffer.append(chunk)
                    while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                        let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                        buffer.removeSubrange(buffer.startIndex...newline)
                        if predicate(line) { return line }
                    }
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    private static func readAll(_ handle: FileHandle) async -> String {
        await Task.detached { String(decoding: handle.readDataToEndOfFile(), as: UTF8.self) }.value
    }
}
