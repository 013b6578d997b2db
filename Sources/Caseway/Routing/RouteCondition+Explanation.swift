extension RouteCondition {
    /// Evaluates the condition and says why it holds or not, naming the condition that decided. Slower than
    /// `matches` (it builds text), so it serves `caseway route` and logs, not intake.
    public func decide(_ document: CaseDocument) -> RouteDecision {
        switch test {
        case .equals(let field, let expected):
            let values = field.values(in: document)
            let holds = values.contains(expected)
            return leaf(holds, field, values, holds ? "" : "not \(Self.quoted(expected))")
        case .oneOf(let field, let expected):
            let values = field.values(in: document)
            let holds = values.contains { expected.contains($0) }
            return leaf(holds, field, values, (holds ? "in " : "not in ") + Self.list(expected))
        case .prefix(let field, let prefix):
            let values = field.values(in: document)
            let holds = values.contains { $0.hasPrefix(prefix) }
            return leaf(holds, field, values, (holds ? "starts with " : "does not start with ") + Self.quoted(prefix))
        case .exists(let field, let wanted):
            let values = field.values(in: document)
            return leaf(values.isEmpty != wanted, field, values, "")
        case .all(let conditions):
            var reasons: [String] = []
            for condition in conditions {
                let decision = condition.decide(document)
                // The first condition that fails decides; when all hold, all of them did.
                if !decision.holds { return decision }
                reasons.append(decision.reason)
            }
            return RouteDecision(holds: true, condition: written, origin: origin, reason: reasons.joined(separator: "; "))
        case .any(let conditions):
            var reasons: [String] = []
            for condition in conditions {
                let decision = condition.decide(document)
                if decision.holds { return decision }
                reasons.append(decision.reason)
            }
            return RouteDecision(holds: false, condition: written, origin: origin, reason: reasons.joined(separator: "; "))
        case .not(let condition):
            let inner = condition.decide(document)
            return RouteDecision(holds: !inner.holds, condition: written, origin: origin, reason: inner.reason)
        }
    }

    private func leaf(_ holds: Bool, _ field: CaseField, _ values: [String], _ verdict: String) -> RouteDecision {
        var reason: String
        switch values.count {
        case 0: reason = "\(field) has no value"
        case 1: reason = "\(field) is \(Self.quoted(values[0]))"
        default: reason = "\(field) is \(values.map(Self.quoted).joined(separator: ", "))"
        }
        if !verdict.isEmpty { reason += ", " + verdict }
        return RouteDecision(holds: holds, condition: written, origin: origin, reason: reason)
    }

    /// Text in quotes with quotes and control characters escaped; a case's long value is cut short, since
    /// an explanation is one line for a person.
    static func quoted(_ text: String) -> String {
        var quoted = "\""
        let limit = 120
        for character in text.prefix(limit) {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            default: quoted.append(character)
            }
        }
        return quoted + (!text.dropFirst(limit).isEmpty ? "…\"" : "\"")
    }

    static func list(_ values: [String]) -> String {
        "[" + values.map(quoted).joined(separator: ", ") + "]"
    }
}
