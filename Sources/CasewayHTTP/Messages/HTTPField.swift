/// One header or trailer field line: a name and its value, with surrounding whitespace removed.
public struct HTTPField: Hashable, Sendable {
    /// The field name as received (compare it case-insensitively).
    public var name: String
    /// The field value.
    public var value: String

    /// Makes a field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
