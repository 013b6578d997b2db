import CasewayMapping

extension RouteCondition {
    /// The operators of a condition on a case field.
    static let fieldOperators = ["equals", "in", "prefix", "exists"]
    /// The operators that combine other conditions.
    static let combiningOperators = ["all", "any", "not"]
    /// Every key a condition object may hold.
    static let keys = ["field"] + fieldOperators + combiningOperators
    /// Deeper nesting is refused: no real routing rule needs it, and evaluation recurses.
    public static let maxDepth = 16

    /// Reads a connector file's `when` (or one condition inside it), reporting every problem at its location;
    /// nil when there was any. XPaths in fields use `namespaces` (the intake's prefixes).
    public static func read(_ node: ConfigurationNode, namespaces: [String: String]) -> RouteCondition? {
        read(node, namespaces: namespaces, depth: 1)
    }

    private static func read(_ node: ConfigurationNode, namespaces: [String: String], depth: Int) -> RouteCondition? {
        guard depth <= maxDepth else {
            node.problem("conditions nest deeper than \(maxDepth) levels")
            return nil
        }
        guard let object = node.object(allowed: keys) else { return nil }
        let origin = node.source.displayPath + (node.location.map { ":\($0.line):\($0.column)" } ?? "")
        let operators = (fieldOperators + combiningOperators).filter { object.contains($0) }
        guard let name = operators.first, let operand = object[name] else {
            // A misspelt operator was already reported with a did-you-mean; saying it is missing too is noise.
            if case .object(let members) = node.value, members.keys.contains(where: { !keys.contains($0) }) {
                return nil
            }
            node.problem(
                "a condition needs one operator: "
                    + (fieldOperators + combiningOperators).joined(separator: ", "))
            return nil
        }
        guard operators.count == 1 else {
            node.problem(
                "one operator per condition, found \(operators.joined(separator: " and ")); combine conditions with all or any")
            return nil
        }
        if combiningOperators.contains(name) {
            if let field = object["field"] {
                field.keyProblem("\"field\" does not apply to \"\(name)\", which combines other conditions")
            }
            return readCombination(name, operand, namespaces: namespaces, depth: depth, origin: origin)
        }
        guard let fieldNode = object["field"] else {
            node.problem("missing required field \"field\" (the case field that \"\(name)\" tests)")
            // The operand is still checked, so one run lists its problems too.
            _ = readOperand(name, operand)
            return nil
        }
        let field = readField(fieldNode, namespaces: namespaces)
        let test = readOperand(name, operand)
        guard let field, let test else { return nil }
        let written: String
        let compiled: Test
        switch test {
        case .text(let expected):
            compiled = .equals(field, expected)
            written = "\(field) equals \(quoted(expected))"
        case .list(let expected):
            compiled = .oneOf(field, expected)
            written = "\(field) in \(list(expected))"
        case .prefix(let prefix):
            compiled = .prefix(field, prefix)
            written = "\(field) starts with \(quoted(prefix))"
        case .exists(let wanted):
            compiled = .exists(field, wanted)
            written = wanted ? "\(field) exists" : "\(field) does not exist"
        }
        return RouteCondition(test: compiled, written: written, origin: origin)
    }

    private static func readCombination(
        _ name: String, _ operand: ConfigurationNode, namespaces: [String: String], depth: Int, origin: String
    ) -> RouteCondition? {
        if name == "not" {
            guard let inner = read(operand, namespaces: namespaces, depth: depth + 1) else { return nil }
            return RouteCondition(test: .not(inner), written: "not (\(inner.written))", origin: origin)
        }
        guard let items = operand.array() else { return nil }
        guard !items.isEmpty else {
            operand.problem("\"\(name)\" needs at least one condition")
            return nil
        }
        // Every item is read, even after a bad one, so one run lists all their problems.
        let conditions = items.map { read($0, namespaces: namespaces, depth: depth + 1) }
        let valid = conditions.compactMap { $0 }
        guard valid.count == conditions.count else { return nil }
        let written = "\(name) of (" + valid.map(\.written).joined(separator: name == "all" ? " and " : " or ") + ")"
        return RouteCondition(test: name == "all" ? .all(valid) : .any(valid), written: written, origin: origin)
    }

    private static func readField(_ node: ConfigurationNode, namespaces: [String: String]) -> CaseField? {
        guard let text = node.nonEmptyString() else { return nil }
        do throws(CaseFieldError) {
            return try CaseField(text, namespaces: namespaces)
        } catch {
            node.problem(error.message)
            return nil
        }
    }

    /// A field operator's operand, before it is paired with its field.
    private enum Operand {
        case text(String)
        case list([String])
        case prefix(String)
        case exists(Bool)
    }

    private static func readOperand(_ name: String, _ node: ConfigurationNode) -> Operand? {
        switch name {
        case "equals":
            return comparable(node).map(Operand.text)
        case "in":
            guard case .array = node.value else {
                node.problem("expected a list of values, such as [\"POT\", \"SL01\"], found \(node.value.typeName)")
                return nil
            }
            guard let items = node.array(), !items.isEmpty else {
                node.problem("\"in\" needs at least one value")
                return nil
            }
            let values = items.map(comparable)
            let valid = values.compactMap { $0 }
            return valid.count == values.count ? .list(valid) : nil
        case "prefix":
            return node.nonEmptyString().map(Operand.prefix)
        default:
            return node.bool().map(Operand.exists)
        }
    }

    /// A value to compare with a case's field, as the text the field would give: a number as written, a
    /// boolean as `true` or `false`.
    private static func comparable(_ node: ConfigurationNode) -> String? {
        switch node.value {
        case .string(let text): return text
        case .number(let number): return number.text
        case .bool(let flag): return flag ? "true" : "false"
        default:
            node.problem("expected a string, a number or true/false, found \(node.value.typeName)")
            return nil
        }
    }
}
