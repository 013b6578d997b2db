/// The state of one run: the input, and every problem found so far. One per document, on one task.
final class MappingRun {
    let input: MappingInputDocument
    /// The input's tape when it has one, kept apart so each lookup does not copy it out of `input`.
    let tape: JSONTape?
    let limits: MappingLimits
    let variables: [String: String]
    private(set) var problems: [MappingProblem] = []
    /// Where the group items being written sit (`documents[2]`), so problems inside them say which item.
    private var itemPath: [(target: String, index: Int)] = []

    init(input: MappingInputDocument, limits: MappingLimits, variables: [String: String]) {
        self.input = input
        if case .jsonTape(let tape) = input { self.tape = tape } else { tape = nil }
        self.limits = limits
        self.variables = variables
    }

    func report(target: String, _ failure: FieldFailure, source: String?) {
        // `lines/qty` in the second item becomes `lines[2]/qty`.
        var shown = target
        for (groupTarget, index) in itemPath where shown.hasPrefix(groupTarget) {
            shown = groupTarget + "[\(index)]" + shown.dropFirst(groupTarget.count)
        }
        problems.append(MappingProblem(target: shown, message: failure.message, source: failure.source ?? source))
    }

    func report(_ problem: MappingProblem) {
        problems.append(problem)
    }

    /// Runs `body` for each item of a group, so problems name the item.
    func withItem(_ target: String, index: Int, _ body: () -> Void) {
        enterItem(target, index: index)
        body()
        leaveItem()
    }

    /// Starts an item of a group (problems name it until `leaveItem`), for writers that may throw.
    func enterItem(_ target: String, index: Int) {
        itemPath.append((target, index + 1))
    }

    func leaveItem() {
        itemPath.removeLast()
    }

    // MARK: Sources

    /// The value of `source` for the document, from `item` for relative paths.
    func evaluate(_ source: ValueSource, item: MappingItem?) throws(FieldFailure) -> MappingValue {
        switch source {
        case .constant(let value):
            return value
        case .variable(let name):
            return variables[name].map(MappingValue.string) ?? .missing
        case .jsonPath(let path):
            if let tape {
                return path.value(in: tape, from: tapeBase(of: path, item: item))
            }
            guard case .json(let root) = input else { return .missing }
            var base = root
            if path.isRelative, case .json(let current)? = item { base = current }
            return path.evaluate(base).map(MappingValue.init) ?? .missing
        case .xpath(let expression):
            guard case .xml(let document, let evaluator) = input else { return .missing }
            var node = document.node
            if case .xml(let current)? = item { node = current }
            let result: XPathValue
            do {
                result = try evaluator.evaluate(expression, at: node)
            } catch {
                throw FieldFailure("XPath failed: \(error)")
            }
            switch result {
            case .nodes(let nodes):
                if nodes.isEmpty { return .missing }
                if nodes.count == 1 { return .string(nodes[0].textContent) }
                return .list(nodes.map { .string($0.textContent) })
            case .string(let text): return .string(text)
            case .boolean(let flag): return .bool(flag)
            case .number(let number):
                guard number.isFinite else { return .missing }
                if number == number.rounded(), abs(number) < 1e15 { return .number(String(Int(number))) }
                return .number("\(number)")
            }
        case .combined(let rules):
            var values: [MappingValue] = []
            values.reserveCapacity(rules.count)
            for rule in rules {
                do throws(FieldFailure) {
                    values.append(try value(of: rule, item: item))
                } catch {
                    throw FieldFailure(error.message, source: error.source ?? rule.source.label)
                }
            }
            return .list(values)
        }
    }

    /// A source's value after its transforms.
    func value(of rule: SourceRule, item: MappingItem?) throws(FieldFailure) -> MappingValue {
        var transforms = rule.transforms[...]
        var value: MappingValue
        if case .count? = transforms.first, case .jsonPath(let path) = rule.source, !path.collects, let tape {
            value = MappingValue.count(tape, at: path.position(in: tape, from: tapeBase(of: path, item: item)))
            transforms = transforms.dropFirst()
        } else {
            value = try evaluate(rule.source, item: item)
        }
        for transform in transforms { value = try transform.apply(value) }
        return value
    }

    /// Where `path` starts on the tape: the root, or the current item for a relative path.
    private func tapeBase(of path: JSONPath, item: MappingItem?) -> Int {
        if path.isRelative, case .tape(let current)? = item { return current }
        return 0
    }

    /// The items a repeating group runs over.
    func items(of source: ValueSource, item: MappingItem?) throws(FieldFailure) -> [MappingItem] {
        switch source {
        case .jsonPath(let path):
            if let tape {
                let positions = path.positions(in: tape, from: tapeBase(of: path, item: item))
                if path.collects { return positions.map(MappingItem.tape) }
                guard let position = positions.first else { return [] }
                switch tape.entries[position].kind {
                case .null: return []
                case .array: return tape.children(of: position).map(MappingItem.tape)
                default: return [.tape(position)]
                }
            }
            guard case .json(let root) = input else { return [] }
            var base = root
            if path.isRelative, case .json(let current)? = item { base = current }
            switch path.evaluate(base) {
            case .none, .null?: return []
            case .array(let values)?: return values.map(MappingItem.json)
            case let value?: return [.json(value)]
            }
        case .xpath(let expression):
            guard case .xml(let document, let evaluator) = input else { return [] }
            var node = document.node
            if case .xml(let current)? = item { node = current }
            do {
                return try evaluator.nodes(expression, at: node).map(MappingItem.xml)
            } catch {
                throw FieldFailure("XPath failed: \(error)")
            }
        case .constant, .variable, .combined:
            return []
        }
    }

    /// Whether a `when` holds.
    func holds(_ condition: MappingCondition, item: MappingItem?) throws(FieldFailure) -> Bool {
        let value = try evaluate(condition.source, item: item)
        switch condition.test {
        case .exists(let wanted): return value.isAbsent != wanted
        case .equals(let words): return words.contains(value.text)
        case .notEquals(let words): return !words.contains(value.text)
        }
    }

    /// A field's final value, or nil when it is skipped (its `when` is false, or nothing came) or failed.
    func value(of field: FieldRule, item: MappingItem?) -> MappingValue? {
        do throws(FieldFailure) {
            if let condition = field.when, !(try holds(condition, item: item)) { return nil }
            var value = try value(of: field.rule, item: item)
            switch field.type {
            case .auto: break
            case .string: value = try MappingTransform.toString.apply(value)
            case .number: value = try MappingTransform.toNumber.apply(value)
            case .boolean:
                if case .string(let text) = value {
                    switch text.lowercased() {
                    case "true": value = .bool(true)
                    case "false": value = .bool(false)
                    default: throw FieldFailure("\(value.quoted) is not true or false")
                    }
                }
            }
            if value == .missing { return nil }
            return value
        } catch {
            var source = field.rule.source.label
            if let index = error.argumentIndex, case .combined(let rules) = field.rule.source, index < rules.count {
                source = rules[index].source.label
            }
            report(target: field.target, error, source: source)
            return nil
        }
    }

    /// Whether a group is written, reporting a failed condition.
    func groupItems(_ group: GroupRule, item: MappingItem?) -> [MappingItem]? {
        do throws(FieldFailure) {
            if let condition = group.when, !(try holds(condition, item: item)) { return nil }
            let items = try items(of: group.forEach, item: item)
            guard items.count <= limits.maxGroupItems else {
                throw FieldFailure("has \(items.count) items, more than the limit of \(limits.maxGroupItems)")
            }
            return items
        } catch {
            report(target: group.target, error, source: group.forEach.label)
            return nil
        }
    }
}
