import CasewayMapping

/// A `queue` connector: its deliveries wait as ready messages until a back office receives them over
/// `GET /v1/queues/{connector}/messages` and acks, releases or rejects them. The hub pushes nothing, so
/// the shared `retry`, `rate_limit`, `concurrency` and `circuit_breaker` do not apply.
public struct QueueConnectorSettings: ConnectorKindSettings {
    public static var kind: ConnectorKindName { .queue }
    public static var fields: [String] { ["visibility", "max_receives"] }
    public static var requiredFields: [String] { [] }

    /// The visibility timeouts a connector file or a receive may ask for: 5 s to 12 h.
    public static let visibilityRange: ClosedRange<Duration> = .seconds(5) ... .seconds(43_200)
    /// The `max_receives` a connector file may give.
    public static let maxReceivesRange = 1...1000

    /// How long a received message stays hidden when the receive does not say (`visibility`, default 30 s).
    public var visibility: Duration
    /// A message received this many times without an ack becomes a dead letter `max_receives` (`max_receives`, default 10).
    public var maxReceives: Int

    public init(visibility: Duration = .seconds(30), maxReceives: Int = 10) {
        self.visibility = visibility
        self.maxReceives = maxReceives
    }

    public static func read(_ object: ConfigurationObject, context: ConnectorContext) -> Self? {
        let problemsBefore = object.node.diagnostics.problems.count
        let visibility = object["visibility"].map { $0.duration(in: visibilityRange) } ?? .seconds(30)
        let maxReceives = object["max_receives"].map { $0.int(in: maxReceivesRange) } ?? 10
        guard object.node.diagnostics.problems.count == problemsBefore, let visibility, let maxReceives else { return nil }
        return QueueConnectorSettings(visibility: visibility, maxReceives: maxReceives)
    }

    /// None: consumers pull the deliveries, so no delivery worker pushes them.
    public func makeTransport(connector: String) throws -> (any DeliveryTransport)? { nil }
}
