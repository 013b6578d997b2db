/// A named table from one code to another (`HW_POT` → `HWY`), indexed once when the mapping is compiled.
public struct LookupTable: Sendable {
    /// The table's name, for messages.
    public let name: String
    let entries: [String: JSONValue]
    /// What an unknown key gives; nil makes an unknown key an error naming the field.
    let fallback: JSONValue?

    init(name: String, entries: [String: JSONValue], fallback: JSONValue?) {
        self.name = name
        self.entries = entries
        self.fallback = fallback
    }

    /// The entry for `key` (or its `column` when entries are objects), or the default.
    func look(up key: String, column: String?) throws(FieldFailure) -> MappingValue {
        guard let entry = entries[key] ?? fallback else {
            throw FieldFailure("\(TransformError.quoted(key)) is not in table \"\(name)\" and the table has no default")
        }
        guard let column else { return MappingValue(entry) }
        guard case .object(let object) = entry else { return MappingValue(entry) }
        guard let value = object[column] else {
            throw FieldFailure("the entry for \(TransformError.quoted(key)) in table \"\(name)\" has no \"\(column)\"")
        }
        return MappingValue(value)
    }
}
