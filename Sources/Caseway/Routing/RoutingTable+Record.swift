import CasewayStore

extension RoutingTable {
    /// The connectors that take a stored case now (replaying a `no_route` dead letter routes it again with
    /// the configuration of that moment). A body that no longer parses is taken by none, and stays a dead letter.
    public func route(_ record: CaseRecord, maxDepth: Int = 64) -> [String] {
        guard let document = try? CaseDocument(record: record, maxDepth: maxDepth) else { return [] }
        return route(document)
    }
}
