/// A compiled JSONPath of the subset mappings use: `$.a.b`, `$.a[0]`, `$.a[-1]`, `$.a[*].b`, `$['odd key']`,
/// and `@.b` for the current item of a repeating group.
///
/// Compiled once into an array of steps, so evaluating it is a walk with no parsing and no allocation
/// unless a wildcard collects several values.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step from a value to its children.
    enum Step: Sendable, Hashable {
        case key(String)
        case index(Int)
        case wildcard
    }

    /// The path as written, for messages.
    public let source: String
    /// Whether the path starts at the current item (`@`) rather than the document (`$`).
    public let isRelative: Bool
    let steps: [Step]
    /// Whether a wildcard can make the result a list.
    public let collects: Bool

    /// Compiles `text`, or throws a message saying what is wrong and where.
    public init(_ text: String) throws(JSONPathError) {
        var parser = JSONPathParser(text)
        let (relative, steps) = try parser.parse()
        source = text
        isRelative = relative
        self.steps = steps
        collects = steps.contains(.wildcard)
    }

    /// The path as written.
    public var description: String { source }

    /// The value the path selects in `root`; a path with a wildcard gives an array of every match (nil: nothing).
    public func evaluate(_ root: JSONValue) -> JSONValue? {
        if !collects {
            var current = root
            for step in steps {
                switch step {
                case .key(let key):
                    guard case .object(let object) = current, let next = Self.member(key, of: object) else { return nil }
                    current = next
                case .index(let index):
                    guard case .array(let items) = current else { return nil }
                    let position = index < 0 ? items.count + index : index
                    guard position >= 0, position < items.count else { return nil }
                    current = items[position]
                case .wildcard:
                    return nil
                }
            }
            return current
        }
        var results: [JSONValue] = []
        collect(root, from: 0, into: &results)
        return .array(results)
    }

    /// The member's value, compared in place: iterating `members` would copy (retain and release) every
    /// member passed over, which on a work order was most of the path's cost.
    @inline(__always)
    static func member(_ key: String, of object: JSONObject) -> JSONValue? {
        // Comparing UTF-8 lengths first skips most members without a full string comparison, which
        // for keys longer than 15 bytes (not stored inline) is a slow path in the standard library.
        let length = key.utf8.count
        return object.members.withUnsafeBufferPointer { members in
            for index in members.indices where members[index].key.utf8.count == length && members[index].key == key {
                return members[index].value
            }
            return nil
        }
    }

    private func collect(_ value: JSONValue, from stepIndex: Int, into results: inout [JSONValue]) {
        guard stepIndex < steps.count else {
            results.append(value)
            return
        }
        switch steps[stepIndex] {
        case .key(let key):
            if case .object(let object) = value, let next = Self.member(key, of: object) { collect(next, from: stepIndex + 1, into: &results) }
        case .index(let index):
            guard case .array(let items) = value else { return }
            let position = index < 0 ? items.count + index : index
            if position >= 0, position < items.count { collect(items[position], from: stepIndex + 1, into: &results) }
        case .wildcard:
            switch value {
            case .array(let items): for item in items { collect(item, from: stepIndex + 1, into: &results) }
            case .object(let object): for member in object.members { collect(member.value, from: stepIndex + 1, into: &results) }
            default: return
            }
        }
    }
}
