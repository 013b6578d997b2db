import CasewayMapping
/// A connector file as discovered: its name and kind, and the parsed file for the kind's own settings.
public struct ConnectorDeclaration: Sendable {
    public var name: String
    public var kind: ConnectorKindName
    public var source: ConfigurationSource

    public init(name: String, kind: ConnectorKindName, source: ConfigurationSource) {
        self.name = name
        self.kind = kind
        self.source = source
    }
}
