import Foundation

/// Reads a file descriptor to its end on its own thread (a child's pipe must be drained while it runs).
enum OutputCollector {
    static func readToEnd(_ handle: FileHandle) async -> [UInt8] {
        await withCheckedContinuation { continuation in
            let descriptor = handle.fileDescriptor
            let thread = Thread {
                var collected: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                    if count > 0 {
                        collected.append(contentsOf: buffer[..<count])
                    } else if count < 0 && errno == EINTR {
                        continue
                    } else {
                        break
                    }
                }
                continuation.resume(returning: collected)
            }
            thread.start()
        }
    }
}
