import CasewayMapping
import Synchronization

/// Keeps log records in memory so tests can assert on what was logged.
public final class MemoryLogSink: LogSink {
    private let records = Mutex<[JSONObject]>([])

    public init() {}

    public func write(_ line: JSONObject) {
        records.withLock { $0.append(line) }
    }

    /// Everything written so far, oldest first.
    public var lines: [JSONObject] {
        records.withLock { $0 }
    }
}
