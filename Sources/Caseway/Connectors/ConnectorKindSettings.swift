import CasewayMapping

/// One connector kind, declared spec-first: the fields it adds to a connector file (what `caseway check`
/// validates and docs/connectors.md lists) and the factory of the transport that sends its deliveries.
public protocol ConnectorKindSettings: Sendable {
    /// The kind's word in connector files.
    static var kind: ConnectorKindName { get }
    /// The kind's own fields, besides the ones every connector shares (`ConnectorDeclaration.sharedFields`).
    static var fields: [String] { get }
    /// Those of `fields` a connector of this kind must give.
    static var requiredFields: [String] { get }
    /// Reads and validates the kind's fields from the connector file's root object (unknown keys were
    /// already reported); reports every problem at its location and returns nil when there was any.
    static func read(_ object: ConfigurationObject, context: ConnectorContext) -> Self?
    /// Makes the transport for connector `connector`; nil for a kind whose deliveries are pulled by the
    /// back office (`queue`), which gets no delivery worker. Throws, with a reason naming the connector,
    /// what can only fail at start-up (a drop folder that cannot be created).
    func makeTransport(connector: String) throws -> (any DeliveryTransport)?
}
