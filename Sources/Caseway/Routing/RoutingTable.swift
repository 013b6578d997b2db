/// Which connectors take a case: every connector's `when`, compiled once, evaluated at each intake.
///
/// A case goes to every connector that takes it (fan-out); one that none takes becomes a dead letter with
/// reason `no_route`, so nothing accepted is lost.
public struct RoutingTable: Sendable {
    /// Connectors in name order, so deliveries and explanations come out in the same order every time.
    private let routes: [(connector: String, when: RouteCondition?)]

    public init(connectors: [ConnectorDeclaration]) {
        routes = connectors.map { ($0.name, $0.when) }.sorted { $0.connector < $1.connector }
    }

    /// The names of the connectors that take `document`, sorted by name; empty: no route.
    public func route(_ document: CaseDocument) -> [String] {
        var names: [String] = []
        for route in routes where route.when?.matches(document) ?? true {
            names.append(route.connector)
        }
        return names
    }

    /// For every connector, in name order, whether it takes `document` and which condition decided.
    public func explain(_ document: CaseDocument) -> [RouteExplanation] {
        routes.map { route in
            guard let when = route.when else { return RouteExplanation(connector: route.connector, takes: true, decision: nil) }
            let decision = when.decide(document)
            return RouteExplanation(connector: route.connector, takes: decision.holds, decision: decision)
        }
    }
}
