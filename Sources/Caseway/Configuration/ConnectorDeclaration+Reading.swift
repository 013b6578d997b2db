import CasewayMapping

extension ConnectorDeclaration {
    /// Reads one connector file completely: the shared fields here, the kind's own through its spec. Reports
    /// every problem at its location and returns nil when there was any.
    ///
    /// Whether `mapping` names a real mapping is checked later, once Mappings/ is read too.
    static func read(_ root: ConfigurationNode, context: ConnectorContext) -> ConnectorDeclaration? {
        guard case .object(let members) = root.value else {
            root.problem("expected an object, found \(root.value.typeName)")
            return nil
        }
        let problemsBefore = root.diagnostics.problems.count
        // The kind decides which other keys are allowed; with a bad kind (reported below) every kind's fields
        // are allowed, so a misspelt kind is not followed by a list of "unknown" fields.
        let spec = members["kind"]?.stringValue.flatMap(ConnectorKindName.init(rawValue:)).map(ConnectorSettings.spec(for:))
        let kindFields = spec.map { $0.fields } ?? ConnectorKindName.allCases.flatMap { ConnectorSettings.spec(for: $0).fields }
        var allowed = sharedFields
        for field in kindFields where !allowed.contains(field) { allowed.append(field) }
        guard
            let object = root.object(allowed: allowed, required: ["name", "kind"] + (spec?.requiredFields ?? []))
        else { return nil }

        let name = Configuration.readName(object)
        let kind = object["kind"]?.oneOf(ConnectorKindName.self, what: "connector kind")
        let description = present(object["description"])?.string()
        let when = present(object["when"]).flatMap { RouteCondition.read($0, namespaces: context.namespaces) }
        let takesCases: Bool? = if let node = present(object["cases"]) { node.bool() } else { true }
        let updates = present(object["updates"]).flatMap { node in
            UpdateSubscription.read(node, knownClients: context.clients)
        }
        if takesCases == false {
            // Said here rather than ignored: a `when` on a connector that takes no cases suggests the
            // integrator meant something else.
            if let node = present(object["when"]) {
                node.keyProblem("`when` chooses cases, but this connector has cases: false; remove one of them")
            }
            if present(object["updates"]) == nil, let node = object["cases"] {
                node.problem("with cases: false and no `updates` this connector would take nothing; add `updates: { for_clients: [...] }`")
            }
        }
        let mapping = present(object["mapping"])?.nonEmptyString()
        let retry: RetryPolicy? = if let node = object["retry"] { RetryPolicy.read(node) } else { RetryPolicy() }
        let rateLimit = present(object["rate_limit"]).flatMap(RateLimit.read)
        let concurrency: Int? = if let node = object["concurrency"] { node.int(in: 1...256) } else { 4 }
        let breaker: CircuitBreakerSettings? =
            if let node = present(object["circuit_breaker"]) { CircuitBreakerSettings.read(node) } else { CircuitBreakerSettings() }
        // The kind's settings are read even when shared fields failed, so one run lists every problem.
        let settings = spec.flatMap { $0.read(object, context: context) }.flatMap(ConnectorSettings.init)
        if updates != nil, case .file(let file)? = settings, !file.fileName.namesEachDelivery, let node = object["file_name"] {
            // Every update on a case would land on the case's own file name and replace it (rename is atomic).
            node.problem("a file connector that takes updates needs {delivery.id} in file_name: with only {case.id} each update would replace the case's file")
        }
        if let kind, settings == nil, root.diagnostics.problems.count == problemsBefore {
            // A kind's reader must say why it refused; if one ever does not, the connector must not vanish silently.
            root.problem("the \(kind.rawValue) connector's settings could not be read")
        }

        guard root.diagnostics.problems.count == problemsBefore, let name, let kind, let takesCases, let retry, let concurrency,
            let breaker, let settings
        else { return nil }
        return ConnectorDeclaration(
            name: name, kind: kind, source: root.source, settings: settings, description: description, takesCases: takesCases,
            when: when, updates: updates, mapping: mapping, retry: retry, rateLimit: rateLimit, concurrency: concurrency, circuitBreaker: breaker)
    }

    /// An optional field, with `null` read as absent (`mapping: null` says "no mapping" plainly).
    private static func present(_ node: ConfigurationNode?) -> ConfigurationNode? {
        guard let node, !node.value.isNull else { return nil }
        return node
    }
}
