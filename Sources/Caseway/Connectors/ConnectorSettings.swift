/// A connector's kind with its own settings: one case per kind, each a `ConnectorKindSettings`.
public enum ConnectorSettings: Sendable {
    case file(FileConnectorSettings)
    case http(HTTPConnectorSettings)

    /// The spec of every kind, by its word in connector files.
    public static func spec(for kind: ConnectorKindName) -> any ConnectorKindSettings.Type {
        switch kind {
        case .file: FileConnectorSettings.self
        case .http: HTTPConnectorSettings.self
        }
    }

    /// Wraps settings read by a kind's spec.
    public init?(_ settings: any ConnectorKindSettings) {
        switch settings {
        case let file as FileConnectorSettings: self = .file(file)
        case let http as HTTPConnectorSettings: self = .http(http)
        default: return nil
        }
    }

    /// The kind's settings as its spec type.
    public var kindSettings: any ConnectorKindSettings {
        switch self {
        case .file(let settings): settings
        case .http(let settings): settings
        }
    }

    /// Makes the transport that sends connector `connector`'s deliveries.
    public func makeTransport(connector: String) throws -> any DeliveryTransport {
        try kindSettings.makeTransport(connector: connector)
    }
}
