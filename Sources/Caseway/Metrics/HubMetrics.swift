import CasewayStore
import Synchronization

/// The counters of one hub process since it started, for `GET /metrics`: what the process saw, where the
/// store cannot tell (requests, intake outcomes, delivery attempts, circuit breakers).
///
/// Counting is a short critical section on one lock per event; label sets are bounded (HTTP method and
/// status, connector names from the configuration, attempt outcomes), so the tables never grow with traffic.
public final class HubMetrics: Sendable {
    /// A counter's labels and value, as a snapshot gives them.
    public struct Sample: Sendable, Hashable {
        public var labels: [String]
        public var value: Int
    }

    private struct State {
        /// Requests answered, by method and status code.
        var requests: [RequestKey: Int] = [:]
        var casesAccepted = 0
        var casesRepeated = 0
        var updatesAccepted = 0
        /// Delivery attempts recorded, by connector and outcome (delivered, retry, dead).
        var attempts: [AttemptKey: Int] = [:]
        /// Connectors whose circuit breaker is open or probing now.
        var openBreakers: Set<String> = []
    }

    private struct RequestKey: Hashable {
        var method: String
        var status: Int
    }

    private struct AttemptKey: Hashable {
        var connector: String
        var outcome: String
    }

    private let state = Mutex(State())
    /// When the process started counting (`process_start_time_seconds`).
    public let startedAt: Timestamp

    public init(startedAt: Timestamp = SystemClock().now()) {
        self.startedAt = startedAt
    }

    /// Counts one answered request.
    public func countRequest(method: String, status: Int) {
        state.withLock { $0.requests[RequestKey(method: method, status: status), default: 0] += 1 }
    }

    /// Counts one case submission that was stored (`repeated`: an idempotent repeat, nothing new stored).
    public func countCase(repeated: Bool) {
        state.withLock { state in
            if repeated { state.casesRepeated += 1 } else { state.casesAccepted += 1 }
        }
    }

    /// Counts one status update stored.
    public func countUpdate() {
        state.withLock { $0.updatesAccepted += 1 }
    }

    /// Counts one delivery attempt recorded for `connector` with `outcome` (delivered, retry or dead).
    public func countAttempt(connector: String, outcome: String) {
        state.withLock { $0.attempts[AttemptKey(connector: connector, outcome: outcome), default: 0] += 1 }
    }

    /// Records whether `connector`'s circuit breaker holds its deliveries back now.
    public func setBreaker(connector: String, open: Bool) {
        state.withLock { state in
            if open { state.openBreakers.insert(connector) } else { state.openBreakers.remove(connector) }
        }
    }

    /// Requests answered, labelled [method, status], in a stable order.
    public var requests: [Sample] {
        state.withLock { state in
            state.requests.map { Sample(labels: [$0.key.method, String($0.key.status)], value: $0.value) }
        }.sorted { $0.labels.lexicographicallyPrecedes($1.labels) }
    }

    /// Delivery attempts, labelled [connector, outcome], in a stable order.
    public var attempts: [Sample] {
        state.withLock { state in
            state.attempts.map { Sample(labels: [$0.key.connector, $0.key.outcome], value: $0.value) }
        }.sorted { $0.labels.lexicographicallyPrecedes($1.labels) }
    }

    public var casesAccepted: Int { state.withLock { $0.casesAccepted } }
    public var casesRepeated: Int { state.withLock { $0.casesRepeated } }
    public var updatesAccepted: Int { state.withLock { $0.updatesAccepted } }

    /// Whether `connector`'s circuit breaker holds its deliveries back now.
    public func isBreakerOpen(_ connector: String) -> Bool {
        state.withLock { $0.openBreakers.contains(connector) }
    }
}
