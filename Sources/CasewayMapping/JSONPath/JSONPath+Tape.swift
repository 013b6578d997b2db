/// Evaluating a path over a `JSONTape`, with the same answers as over the tree (`evaluate(_:)`).
extension JSONPath {
    /// The one position a path without a wildcard selects from `start`, or nil.
    func position(in tape: JSONTape, from start: Int) -> Int? {
        var current = start
        for step in steps {
            switch step {
            case .key(let key):
                guard let next = tape.member(key, ofObjectAt: current) else { return nil }
                current = next
            case .index(let index):
                guard let next = tape.element(index, ofArrayAt: current) else { return nil }
                current = next
            case .wildcard:
                return nil
            }
        }
        return current
    }

    /// Every position the path selects from `start`, in document order.
    func positions(in tape: JSONTape, from start: Int) -> [Int] {
        if !collects { return position(in: tape, from: start).map { [$0] } ?? [] }
        var results: [Int] = []
        collect(in: tape, at: start, from: 0, into: &results)
        return results
    }

    /// The value the path selects from `start`, as `MappingValue(evaluate(_:))` gives it over the tree.
    func value(in tape: JSONTape, from start: Int) -> MappingValue {
        if !collects { return position(in: tape, from: start).map { MappingValue(tape, at: $0) } ?? .missing }
        return .list(positions(in: tape, from: start).map { MappingValue(tape, at: $0) })
    }

    private func collect(in tape: JSONTape, at position: Int, from stepIndex: Int, into results: inout [Int]) {
        guard stepIndex < steps.count else {
            results.append(position)
            return
        }
        switch steps[stepIndex] {
        case .key(let key):
            if let next = tape.member(key, ofObjectAt: position) { collect(in: tape, at: next, from: stepIndex + 1, into: &results) }
        case .index(let index):
            if let next = tape.element(index, ofArrayAt: position) { collect(in: tape, at: next, from: stepIndex + 1, into: &results) }
        case .wildcard:
            guard tape.entries[position].kind == .array || tape.entries[position].kind == .object else { return }
            for child in tape.children(of: position) { collect(in: tape, at: child, from: stepIndex + 1, into: &results) }
        }
    }
}
