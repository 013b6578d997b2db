import CasewayMapping
// TEMPORARY (lead): the routing branch brings the real declaration; take theirs at merge.
public struct ConnectorDeclaration: Sendable {
    public var name: String
    public var kind: ConnectorKindName
    public var source: ConfigurationSource
    public var mapping: String?
    public var retry = RetryPolicy()
    public var rateLimit: RateLimit?
    public var concurrency = 4
    public var settings: ConnectorSettings

    public init(name: String, kind: ConnectorKindName, source: ConfigurationSource) {
        self.name = name
        self.kind = kind
        self.source = source
        settings = .file(FileConnectorSettings())
    }
}
