import CasewayMapping

/// A connector file, read and validated: which cases it takes, how they are shaped and retried, and its
/// kind's own settings.
public struct ConnectorDeclaration: Sendable {
    /// The fields every connector file may carry, whatever its kind; a kind adds its own (`fields` of its spec).
    public static let sharedFields = [
        "name", "kind", "description", "cases", "when", "updates", "mapping", "retry", "rate_limit", "concurrency", "circuit_breaker",
    ]

    /// The connector's name, unique across Connectors/, as deliveries and dead letters refer to it.
    public var name: String
    public var kind: ConnectorKindName
    /// The parsed file, for locations in messages that come after loading.
    public var source: ConfigurationSource
    /// What the connector is for, in the integrator's words.
    public var description: String?
    /// Whether the connector takes cases at all (`cases: false`: only updates, e.g. a front office's callback).
    public var takesCases: Bool
    /// Which cases the connector takes (when `takesCases`); nil: every case.
    public var when: RouteCondition?
    /// Which updates the connector takes, by the client that submitted the case; nil: none.
    public var updates: UpdateSubscription?
    /// The mapping (a name in Mappings/) that shapes each case, or each update's JSON (docs/connectors.md);
    /// nil: the original body (or the update's JSON) passes through.
    public var mapping: String?
    /// When failed deliveries are tried again, and when they become dead letters.
    public var retry: RetryPolicy
    /// At most this many sends a second; nil: no limit.
    public var rateLimit: RateLimit?
    /// Deliveries in flight at once to this connector.
    public var concurrency: Int
    /// When the connector pauses after consecutive failures, and for how long.
    public var circuitBreaker: CircuitBreakerSettings
    /// The kind's own settings, validated by its spec.
    public var settings: ConnectorSettings

    public init(
        name: String, kind: ConnectorKindName, source: ConfigurationSource, settings: ConnectorSettings,
        description: String? = nil, takesCases: Bool = true, when: RouteCondition? = nil,
        updates: UpdateSubscription? = nil, mapping: String? = nil,
        retry: RetryPolicy = RetryPolicy(), rateLimit: RateLimit? = nil, concurrency: Int = 4,
        circuitBreaker: CircuitBreakerSettings = CircuitBreakerSettings()
    ) {
        self.name = name
        self.kind = kind
        self.source = source
        self.settings = settings
        self.description = description
        self.takesCases = takesCases
        self.when = when
        self.updates = updates
        self.mapping = mapping
        self.retry = retry
        self.rateLimit = rateLimit
        self.concurrency = concurrency
        self.circuitBreaker = circuitBreaker
    }
}
