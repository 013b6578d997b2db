import Foundation

/// What a connector kind's settings reader may use besides the connector file itself.
public struct ConnectorContext: Sendable {
    /// The hub configuration's folder: relative paths in connector files start here.
    public var baseDirectory: URL
    /// Where secrets come from (`{ env: "NAME" }`); checked when the configuration is loaded.
    public var environment: [String: String]
    /// XML namespace prefixes declared for intake (`intake.xml.namespaces`), for XPaths on cases.
    public var namespaces: [String: String]
    /// The names of the hub's API clients, which a connector's `updates.for_clients` must name; nil: not
    /// known here (a kind's settings read on their own), so names are taken as written.
    public var clients: [String]?

    public init(baseDirectory: URL, environment: [String: String], namespaces: [String: String], clients: [String]? = nil) {
        self.baseDirectory = baseDirectory
        self.environment = environment
        self.namespaces = namespaces
        self.clients = clients
    }
}
