import CasewayMapping

/// Where the hub's structured log lines go: standard output in production, memory in tests.
public protocol LogSink: Sendable {
    func write(_ line: JSONObject)
}
