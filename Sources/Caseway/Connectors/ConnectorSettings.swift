/// A connector's kind with its own settings: one case per kind, each a `ConnectorKindSettings`.
public enum ConnectorSettings: Sendable {
    case file(FileConnectorSettings)
    case http(HTTPConnectorSettings)
    case queue(QueueConnectorSettings)

    /// The spec of every kind, by its word in connector files.
    public static func spec(for kind: ConnectorKindName) -> any ConnectorKindSettings.Type {
        switch kind {
        case .file: FileConnectorSettings.self
        case .http: HTTPConnectorSettings.self
        case .queue: QueueConnectorSettings.self
        }
    }

    /// Wraps settings read by a kind's spec.
    public init?(_ settings: any ConnectorKindSettings) {
        switch settings {
        case let file as FileConnectorSettings: self = .file(file)
        case let http as HTTPConnectorSettings: self = .http(http)
        case let queue as QueueConnectorSettings: self = .queue(queue)
        default: return nil
        }
    }

    /// The kind's settings as its spec type.
    public var kindSettings: any ConnectorKindSettings {
        switch self {
        case .file(let settings): settings
        case .http(let settings): settings
        case .queue(let settings): settings
        }
    }

    /// Makes the transport that sends connector `connector`'s deliveries; nil when consumers pull them.
    public func makeTransport(connector: String) throws -> (any DeliveryTransport)? {
        try kindSettings.makeTransport(connector: connector)
    }
}
