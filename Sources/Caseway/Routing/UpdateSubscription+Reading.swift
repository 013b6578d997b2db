import CasewayMapping

extension UpdateSubscription {
    /// Reads `updates: { for_clients: [...] | "*" }`, checking each name against the hub's `clients`
    /// (`known`; nil: taken as written), so a typo is caught by `caseway check` rather than silently sending nothing back.
    static func read(_ node: ConfigurationNode, knownClients known: [String]?) -> UpdateSubscription? {
        guard let object = node.object(allowed: ["for_clients"], required: ["for_clients"]),
            let field = object["for_clients"]
        else { return nil }
        if case .string(let text) = field.value {
            guard text == "*" else {
                field.problem("expected a list of client names or \"*\" (every client), found \"\(text)\"")
                return nil
            }
            return .everyClient
        }
        guard let elements = field.array() else { return nil }
        guard !elements.isEmpty else {
            field.problem("expected at least one client name (or \"*\" for every client); leave `updates` out to take no updates")
            return nil
        }
        var names: Set<String> = []
        var valid = true
        for element in elements {
            guard let name = element.nonEmptyString() else {
                valid = false
                continue
            }
            if let known, !known.contains(name) {
                let list = known.isEmpty ? "there are no clients" : "clients: \(known.sorted().joined(separator: ", "))"
                element.problem("no client named \"\(name)\"" + DidYouMean.hint(for: name, among: known) + " (\(list))")
                valid = false
                continue
            }
            names.insert(name)
        }
        return valid ? .clients(names) : nil
    }
}
