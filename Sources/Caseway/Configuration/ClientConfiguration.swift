import CasewayMapping
/// One caller of the API: a front office, a back office, a partner hub or an operator.
public struct ClientConfiguration: Sendable, Hashable {
    public var name: String
    public var scopes: Set<Scope>
    public var keySource: ClientKeySource
    /// SHA-256 of the key; the key itself is never kept.
    public var keyDigest: [UInt8]

    public init(name: String, scopes: Set<Scope>, keySource: ClientKeySource, keyDigest: [UInt8]) {
        self.name = name
        self.scopes = scopes
        self.keySource = keySource
        self.keyDigest = keyDigest
    }
}
