/// The header fields of a message in the order received; names compare case-insensitively (RFC 9110 §5.1).
public struct HTTPHeaders: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    private var fields: [HTTPField]

    /// Makes headers from field lines, keeping their order.
    public init(_ fields: [HTTPField] = []) {
        self.fields = fields
    }

    /// Makes headers from `"Name": "value"` pairs.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { HTTPField(name: $0.0, value: $0.1) }
    }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> HTTPField { fields[position] }

    /// The first value of the field `name`, nil when absent.
    public subscript(name: String) -> String? {
        for field in fields where HTTPHeaders.namesMatch(field.name, name) {
            return field.value
        }
        return nil
    }

    /// Every value of the field `name`, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { HTTPHeaders.namesMatch($0.name, name) }.map(\.value)
    }

    /// Whether the field `name` is present.
    public func contains(_ name: String) -> Bool {
        fields.contains { HTTPHeaders.namesMatch($0.name, name) }
    }

    /// Appends a field line, keeping any existing ones.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(HTTPField(name: name, value: value))
    }

    /// Replaces every line of `name` with one line holding `value`.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        add(name, value)
    }

    /// Removes every line of `name`.
    public mutating func remove(_ name: String) {
        fields.removeAll { HTTPHeaders.namesMatch($0.name, name) }
    }

    /// Whether a comma-separated field (such as `Connection`) lists `token`, ignoring case.
    public func containsToken(_ token: String, in name: String) -> Bool {
        for field in fields where HTTPHeaders.namesMatch(field.name, name) {
            for element in field.value.utf8.split(separator: UInt8(ascii: ",")) {
                if HTTPHeaders.asciiCaseInsensitiveEqual(element.trimmingOWS(), token.utf8) { return true }
            }
        }
        return false
    }

    /// ASCII case-insensitive comparison of field names, without allocating.
    static func namesMatch(_ lhs: String, _ rhs: String) -> Bool {
        asciiCaseInsensitiveEqual(lhs.utf8, rhs.utf8)
    }

    static func asciiCaseInsensitiveEqual<L: Collection<UInt8>, R: Collection<UInt8>>(_ lhs: L, _ rhs: R) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (left, right) in zip(lhs, rhs) where left != right {
            guard ASCII.lowercased(left) == ASCII.lowercased(right) else { return false }
        }
        return true
    }
}
