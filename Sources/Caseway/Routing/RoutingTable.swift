/// Which connectors take a case: every connector's `when`, compiled once, evaluated at each intake; and
/// which take an update: every connector's `updates`, by the client that submitted the case.
///
/// A case goes to every connector that takes it (fan-out); one that none takes becomes a dead letter with
/// reason `no_route`, so nothing accepted is lost. An update that no connector takes is only stored: the
/// case view and the update feed still show it, so it is not lost either.
public struct RoutingTable: Sendable {
    /// Connectors that take cases, in name order, so deliveries and explanations come out in the same order
    /// every time.
    private let routes: [(connector: String, when: RouteCondition?)]
    /// Connectors that take updates, in name order.
    private let updateRoutes: [(connector: String, subscription: UpdateSubscription)]

    public init(connectors: [ConnectorDeclaration]) {
        let sorted = connectors.sorted { $0.name < $1.name }
        routes = sorted.filter(\.takesCases).map { ($0.name, $0.when) }
        updateRoutes = sorted.compactMap { connector in connector.updates.map { (connector.name, $0) } }
    }

    /// The names of the connectors that take updates on a case submitted by `client`, sorted by name.
    public func routeUpdate(caseSubmittedBy client: String) -> [String] {
        updateRoutes.filter { $0.subscription.takes(caseSubmittedBy: client) }.map(\.connector)
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
