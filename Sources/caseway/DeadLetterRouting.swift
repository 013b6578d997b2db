import Caseway
import CasewayStore

/// How `caseway dlq replay` routes a `no_route` dead letter again: the connectors that take its case
/// under the configuration on disk now.
enum DeadLetterRouting {
    /// The seam for the routing table: until it is wired here, no case is taken by any connector, so
    /// replaying a `no_route` dead letter fails with "no connector takes this case yet" and stays open.
    static func reroute(_ configuration: Configuration?) -> @Sendable (CaseRecord) -> [String] {
        { _ in [] }
    }
}
