#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs every file of a corpus through a target once: the seeds (and saved crashes) as a regression check
/// in builds without libFuzzer.
///
/// Arguments are files or directories, as for libFuzzer; `-flags` are ignored so that the same command
/// line works in both builds. With no path it replays `Fuzz/Corpus/<program name>` under the current
/// directory.
struct CorpusReplay {
    var paths: [String]

    init(arguments: [String]) {
        paths = arguments.filter { !$0.hasPrefix("-") }
        if paths.isEmpty {
            let program = CommandLine.arguments.first.map { String($0.split(separator: "/").last ?? "") } ?? ""
            paths = ["Fuzz/Corpus/\(program)"]
        }
    }

    /// Replays every input; the exit status: 0, or 1 when nothing could be read. A broken invariant
    /// traps inside `fuzz`, after the input's name was printed.
    func run(_ fuzz: (UnsafeRawBufferPointer) -> Void) -> Int32 {
        var count = 0
        for path in paths {
            guard let files = Self.files(at: path) else {
                Self.report("cannot read \(path)")
                return 1
            }
            for file in files {
                guard let bytes = Self.contents(of: file) else {
                    Self.report("cannot read \(file)")
                    return 1
                }
                // Printed before running, so that the last line names the input when it traps.
                Self.report("replaying \(file) (\(bytes.count) bytes)")
                bytes.withUnsafeBytes(fuzz)
                count += 1
            }
        }
        guard count > 0 else {
            Self.report("no inputs in \(paths.joined(separator: " "))")
            return 1
        }
        Self.report("replayed \(count) inputs: no invariant broken")
        return 0
    }

    /// The regular files of a directory, sorted, or `path` itself when it is a file; nil when unreadable.
    private static func files(at path: String) -> [String]? {
        guard let directory = opendir(path) else {
            return access(path, R_OK) == 0 ? [path] : nil
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted().map { "\(path)/\($0)" }
    }

    private static func contents(of path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            bytes.append(contentsOf: buffer[0..<count])
            if count < buffer.count { return ferror(file) == 0 ? bytes : nil }
        }
    }

    private static func report(_ line: String) {
        FuzzCheck.printToStandardError(line)
    }
}
