import Foundation

/// Runs `body` with a fresh temporary directory, removed afterwards; every test gets its own.
func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    var base = NSTemporaryDirectory()
    while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
    var template = Array((base + "/caseway-store-tests-XXXXXX").utf8CString)
    let path = template.withUnsafeMutableBufferPointer { buffer -> String? in
        guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return nil }
        return String(cString: made)
    }
    guard let path else { throw TestFailure("mkdtemp failed: \(String(cString: strerror(errno)))") }
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// A failed test precondition, with what went wrong.
struct TestFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
