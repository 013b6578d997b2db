import CasewayStore
import Foundation
import Testing

/// The `caseway` binary as an operator uses it: exit codes, help, check and serve.
@Suite(.serialized)
struct CommandLineTests {
    static let demoKey = ["CASEWAY_DEMO_KEY": "end-to-end-demo-key-0123456789"]

    @Test func version_PrintsTheVersionAndExitsZero() async throws {
        let result = try await ChildProcess.run(["version"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("caseway "))
    }

    @Test func unknownCommand_IsAUsageErrorWithASuggestion() async throws {
        let result = try await ChildProcess.run(["chek"])
        #expect(result.status == 2)
        #expect(result.standardError.contains(#"unknown command "chek" (did you mean "check"?)"#))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func badFlag_IsAUsageError() async throws {
        let result = try await ChildProcess.run(["check", "--confg", "x.json5"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("unknown option --confg (did you mean --config?)"))
        let missingValue = try await ChildProcess.run(["serve", "--listen"])
        #expect(missingValue.status == 2)
        let badListen = try await ChildProcess.run(["serve", "--listen", "nowhere"])
        #expect(badListen.status == 2)
    }

    @Test func everyCommand_HasHelp() async throws {
        for command in ["serve", "check", "map", "route", "version", "help"] {
            let result = try await ChildProcess.run([command, "--help"])
            #expect(result.status == 0, "\(command) --help")
            #expect(result.standardOutput.contains("usage: caseway \(command)"))
            let viaHelp = try await ChildProcess.run(["help", command])
            #expect(viaHelp.standardOutput == result.standardOutput)
        }
        let overview = try await ChildProcess.run(["help"])
        #expect(overview.status == 0)
        #expect(overview.standardOutput.contains("caseway serve"))
    }

    @Test func check_AcceptsTheSampleConfiguration() async throws {
        let result = try await ChildProcess.run(
            ["check", "--config", "caseway.json5"], environment: Self.demoKey, in: ChildProcess.repositoryRoot)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("caseway.json5: ok"))
    }

    @Test func check_ListsEveryProblemOfABrokenCopyAndExitsOne() async throws {
        let folder = try BrokenCopy()
        let result = try await ChildProcess.run(["check", "--config", "caseway.json5"], environment: Self.demoKey, in: folder.url)
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("caseway.json5:") && $0.contains(#"unknown scope "admn""#) })
        #expect(lines.contains { $0.hasPrefix("Connectors/waste-drop.json5:") && $0.contains(#"unknown connector kind "fiel""#) })
        #expect(lines.contains { $0.hasPrefix("Mappings/waste-csv.json5:") && $0.contains(#"unknown output format "cvs""#) })
        #expect(lines.last == "3 problems found")
        #expect(!result.standardError.contains("Fatal error"))
    }

    @Test func serve_RefusesToStartOnABrokenConfiguration() async throws {
        let folder = try BrokenCopy()
        let result = try await ChildProcess.run(["serve", "--config", "caseway.json5"], environment: Self.demoKey, in: folder.url)
        #expect(result.status == 1)
        #expect(result.standardError.contains("not starting: 3 problems in the configuration"))
    }

    @Test func serve_StartsPrintsOneLineAndStopsCleanlyOnSIGTERM() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("caseway-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        for signal in [SIGTERM, SIGINT] {
            let child = ChildProcess(
                "caseway", ["serve", "--config", "caseway.json5", "--listen", "127.0.0.1:0", "--data", data.path],
                environment: Self.demoKey, in: ChildProcess.repositoryRoot)
            try child.start()
            let started = await child.waitForOutputLine { $0.contains("caseway started") }
            let line = try #require(started, "no startup line")
            #expect(line.contains(#""version":"#))
            #expect(line.contains(#""data_directory":"\#(data.path)""#))
            #expect(line.contains(#""connectors":3"#))
            kill(child.process.processIdentifier, signal)
            let result = try await child.finish(timeout: .seconds(20))
            #expect(result.status == 0, "stopped by signal \(signal): \(result.standardError)")
            #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("caseway.sqlite").path))
        }
    }

    @Test func serve_ExplainsAnUnwritableDataDirectoryInOneLine() async throws {
        let folder = try BrokenCopy(broken: false)
        let blocked = folder.url.appendingPathComponent("blocked")
        try Data("a file, not a folder".utf8).write(to: blocked)
        let result = try await ChildProcess.run(
            ["serve", "--config", "caseway.json5", "--listen", "127.0.0.1:0", "--data", blocked.path + "/data"],
            environment: Self.demoKey, in: folder.url)
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(result.standardError)")
        #expect(result.standardError.contains(blocked.path))
    }

    @Test func serve_ExplainsACorruptOrNewerStoreInOneLine() async throws {
        let folder = try BrokenCopy(broken: false)
        let data = folder.url.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let file = data.appendingPathComponent("caseway.sqlite")
        try Data(repeating: 0x5a, count: 8192).write(to: file)
        let corrupt = try await ChildProcess.run(
            ["serve", "--config", "caseway.json5", "--listen", "127.0.0.1:0", "--data", data.path],
            environment: Self.demoKey, in: folder.url)
        #expect(corrupt.status == 1)
        #expect(corrupt.standardError.split(separator: "\n").count == 1, "\(corrupt.standardError)")
        #expect(corrupt.standardError.contains(file.path))
        #expect(try Data(contentsOf: file) == Data(repeating: 0x5a, count: 8192), "the damaged file is left as it was")

        // A store a newer Caseway wrote: start once, then raise its schema version as a newer build would.
        try FileManager.default.removeItem(at: data)
        let store = try Store(directory: data.path)
        try await store.write { try $0.execute(script: "PRAGMA user_version = 99") }
        await store.close()
        let newer = try await ChildProcess.run(
            ["serve", "--config", "caseway.json5", "--listen", "127.0.0.1:0", "--data", data.path],
            environment: Self.demoKey, in: folder.url)
        #expect(newer.status == 1)
        #expect(newer.standardError.split(separator: "\n").count == 1, "\(newer.standardError)")
        #expect(newer.standardError.contains("99"))
    }
}

/// A copy of the sample configuration in a temporary folder, optionally with three mistakes in three files.
final class BrokenCopy {
    let url: URL

    init(broken: Bool = true) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("caseway-e2e-\(UUID().uuidString)")
        let root = ChildProcess.repositoryRoot
        for name in ["caseway.json5", "Connectors", "Mappings"] {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: root.appendingPathComponent(name), to: url.appendingPathComponent(name))
        }
        guard broken else { return }
        try replace("caseway.json5", "\"admin\"", with: "\"admn\"")
        try replace("Connectors/waste-drop.json5", #"kind: "file""#, with: #"kind: "fiel""#)
        try replace("Mappings/waste-csv.json5", #"output: "csv""#, with: #"output: "cvs""#)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    private func replace(_ file: String, _ text: String, with replacement: String) throws {
        let path = url.appendingPathComponent(file)
        let original = try String(contentsOf: path, encoding: .utf8)
        precondition(original.contains(text), "the sample \(file) no longer contains \(text)")
        try original.replacingOccurrences(of: text, with: replacement).write(to: path, atomically: true, encoding: .utf8)
    }
}
