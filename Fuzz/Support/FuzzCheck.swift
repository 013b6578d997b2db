#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a target reports a broken invariant: it says which, then aborts, which libFuzzer records as a
/// crash and saves the input (and which stops a corpus replay with a failure).
public enum FuzzCheck {
    /// Aborts with `message` unless `condition` holds.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        guard !condition else { return }
        printToStandardError("broken invariant: \(message())")
        abort()
    }

    /// Writes a line to file descriptor 2 directly: the C `stderr` global is not concurrency-safe in Swift 6.
    static func printToStandardError(_ line: String) {
        var text = line + "\n"
        text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
    }
}
