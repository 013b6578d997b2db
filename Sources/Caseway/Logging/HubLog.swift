import CasewayMapping
import CasewayStore
import Foundation

/// The hub's logger: one JSON object per event, with time, level and message first.
///
/// Never log a request body or personal data: fields here are ids, names, counts and statuses.
public struct HubLog: Sendable {
    /// How serious an event is.
    public enum Level: String, Sendable {
        case info, warning, error
    }

    public let sink: any LogSink
    public let clock: any WallClock

    public init(sink: any LogSink = StandardOutputLogSink(), clock: any WallClock = SystemClock()) {
        self.sink = sink
        self.clock = clock
    }

    /// Writes one event.
    public func log(_ level: Level, _ message: String, _ fields: KeyValuePairs<String, JSONValue> = [:]) {
        log(level, message, fields: fields.map { ($0.key, $0.value) })
    }

    /// Writes one event whose fields were gathered as the work went along.
    public func log(_ level: Level, _ message: String, fields: [(String, JSONValue)]) {
        var line = JSONObject()
        line["time"] = .string(clock.now().description)
        line["level"] = .string(level.rawValue)
        line["msg"] = .string(message)
        for (key, value) in fields { line[key] = value }
        sink.write(line)
    }

    /// Writes one request's log line: `msg` is `request`, the fields follow in the order given.
    public func request(_ fields: JSONObject) {
        var line = JSONObject()
        line["time"] = .string(clock.now().description)
        line["level"] = .string(Level.info.rawValue)
        line["msg"] = .string("request")
        for member in fields.members { line[member.key] = member.value }
        sink.write(line)
    }

    public func info(_ message: String, _ fields: KeyValuePairs<String, JSONValue> = [:]) {
        log(.info, message, fields)
    }

    public func warning(_ message: String, _ fields: KeyValuePairs<String, JSONValue> = [:]) {
        log(.warning, message, fields)
    }

    public func error(_ message: String, _ fields: KeyValuePairs<String, JSONValue> = [:]) {
        log(.error, message, fields)
    }
}
