import CasewayMapping
/// One caller of the API: a front office, a back office, a partner hub or an operator.
public struct ClientConfiguration: Sendable, Hashable {
    public var name: String
    public var scopes: Set<Scope>
    public var keySource: ClientKeySource
    /// SHA-256 of the key; the key itself is never kept.
    public var keyDigest: [UInt8]
    /// The queue connectors this client may receive from (`queues`; needs the `receive` scope). A client
    /// with the `admin` scope may receive from every queue.
    public var queues: Set<String>
    /// The mapping (input xml, output json) that reads this client's XML updates (`update_mapping`); nil:
    /// the client's updates are JSON only.
    public var updateMapping: String?

    public init(name: String, scopes: Set<Scope>, keySource: ClientKeySource, keyDigest: [UInt8], queues: Set<String> = [],
                updateMapping: String? = nil) {
        self.name = name
        self.scopes = scopes
        self.keySource = keySource
        self.keyDigest = keyDigest
        self.queues = queues
        self.updateMapping = updateMapping
    }

    /// Whether this client may receive from, ack, release and reject messages of queue `connector`.
    public func mayReceive(from connector: String) -> Bool {
        scopes.contains(.receive) && (scopes.contains(.admin) || queues.contains(connector))
    }
}
