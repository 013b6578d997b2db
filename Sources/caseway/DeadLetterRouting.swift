import Caseway
import CasewayStore

/// How `caseway dlq replay` routes a `no_route` dead letter again: the connectors that take its case
/// under the configuration on disk now.
enum DeadLetterRouting {
    /// Without a configuration (only `--data` given), no connector is known, so replaying a `no_route`
    /// dead letter fails with "no connector takes this case yet" and the dead letter stays open.
    static func reroute(_ configuration: Configuration?) -> @Sendable (CaseRecord) -> [String] {
        guard let configuration else { return { _ in [] } }
        let routing = RoutingTable(connectors: configuration.connectors)
        let maxDepth = configuration.hub.intake.maxDepth
        return { routing.route($0, maxDepth: maxDepth) }
    }
}
