extension MappingValue {
    /// The value at `position` on a tape, as `MappingValue(JSONValue)` makes it from the tree.
    init(_ tape: JSONTape, at position: Int) {
        switch tape.entries[position].kind {
        case .null: self = .null
        case .trueValue: self = .bool(true)
        case .falseValue: self = .bool(false)
        case .number: self = .number(tape.text(at: position))
        case .string, .escapedString, .key: self = .string(tape.text(at: position))
        case .array: self = .list(tape.children(of: position).map { MappingValue(tape, at: $0) })
        case .object: self = .object(tape.jsonObject(at: position))
        }
    }

    /// What the `count` transform gives for the value at `position` (nil: nothing there), without
    /// making the value: `$.media` counted need not turn every photo into strings.
    static func count(_ tape: JSONTape, at position: Int?) -> MappingValue {
        guard let position else { return .number("0") }
        let entry = tape.entries[position]
        switch entry.kind {
        case .null: return .number("0")
        case .array, .object: return .number(String(entry.length))
        default: return .number("1")
        }
    }
}
