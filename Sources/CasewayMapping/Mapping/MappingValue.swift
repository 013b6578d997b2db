/// One value on its way through a field's transforms: what a source produced, as JSON would type it.
public enum MappingValue: Sendable, Hashable {
    /// The source matched nothing (an absent key, an empty node-set).
    case missing
    case null
    case string(String)
    /// A number as its decimal text, so `52.520008` is written back exactly as it was read.
    case number(String)
    case bool(Bool)
    /// Several values: a wildcard path, a node-set, or the sources of a combined field.
    case list([MappingValue])
    /// A JSON object taken whole from the input (only JSON output can write it).
    case object(JSONObject)

    /// The value from a JSON input value.
    init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let number): self = .number(number.text)
        case .string(let text): self = .string(text)
        case .array(let items): self = .list(items.map(MappingValue.init))
        case .object(let object): self = .object(object)
        }
    }

    /// Whether `required` should reject it and `default` replace it: nothing, null, empty text or an empty list.
    var isAbsent: Bool {
        switch self {
        case .missing, .null: true
        case .string(let text): text.isEmpty
        case .list(let items): items.isEmpty
        default: false
        }
    }

    /// The value as text for XML, CSV, conditions and lookups; lists are joined by commas.
    var text: String {
        switch self {
        case .missing, .null: ""
        case .string(let text): text
        case .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .list(let items): items.map(\.text).joined(separator: ",")
        case .object(let object): JSONValue.object(object).jsonText
        }
    }

    /// The value as messages show it: quoted and shortened text, bare numbers.
    var quoted: String {
        switch self {
        case .missing: "nothing"
        case .null: "null"
        case .string(let text): TransformError.quoted(text)
        case .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .list: "a list"
        case .object: "an object"
        }
    }
}
