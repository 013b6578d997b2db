import CasewayMapping
import Foundation
import Synchronization

/// Writes each log record as one JSON line on standard output, whole lines only, even from many threads.
public final class StandardOutputLogSink: LogSink {
    private let lock = Mutex(())

    public init() {}

    public func write(_ line: JSONObject) {
        var bytes = JSONWriter().bytes(.object(line))
        bytes.append(UInt8(ascii: "\n"))
        lock.withLock { _ in
            bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(1, base + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return  // stdout is gone (closed pipe); logging must never take the hub down
                    }
                    offset += written
                }
            }
        }
    }
}
