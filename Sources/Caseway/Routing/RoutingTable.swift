// TEMPORARY (lead): the routing branch brings the real table; take theirs at merge.
public struct RoutingTable: Sendable {
    let names: [String]
    public init(connectors: [ConnectorDeclaration]) { names = connectors.map(\.name).sorted() }
    public func route(_ document: CaseDocument) -> [String] { names }
}
