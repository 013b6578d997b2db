import CasewayMapping

/// Which cases a connector takes: a connector file's `when`, compiled once when the configuration loads.
///
/// Written as one operator per object, on a case field or over other conditions:
/// ```
/// { field: "$.service_code", equals: "SL01" }         a value equals this text (or number, or boolean)
/// { field: "$.service_code", in: ["POT", "SL01"] }    a value is one of these
/// { field: "$.service_code", prefix: "WS_" }          a value starts with this
/// { field: "sender_reference", exists: true }         the field has a value (false: it has none)
/// { all: [ … ] }   { any: [ … ] }   { not: { … } }
/// ```
/// Values are compared as text: a number matches its JSON text (`3` matches `3`, not `3.0`), a boolean
/// `true` or `false`. A field with several values (a wildcard, an XPath node-set) matches when any one does.
public struct RouteCondition: Sendable {
    /// What the condition tests.
    public indirect enum Test: Sendable {
        case equals(CaseField, String)
        case oneOf(CaseField, [String])
        case prefix(CaseField, String)
        case exists(CaseField, Bool)
        case all([RouteCondition])
        case any([RouteCondition])
        case not(RouteCondition)
    }

    public var test: Test
    /// The condition as written, in one line (`$.service_code in ["POT", "SL01"]`), for explanations.
    public var written: String
    /// Where the condition is written: `Connectors/name.json5:6:9`.
    public var origin: String

    public init(test: Test, written: String, origin: String) {
        self.test = test
        self.written = written
        self.origin = origin
    }

    /// Whether `document` satisfies the condition. The routing hot path: no text is built here.
    public func matches(_ document: CaseDocument) -> Bool {
        switch test {
        case .equals(let field, let expected):
            return field.values(in: document).contains(expected)
        case .oneOf(let field, let expected):
            return field.values(in: document).contains { expected.contains($0) }
        case .prefix(let field, let prefix):
            return field.values(in: document).contains { $0.hasPrefix(prefix) }
        case .exists(let field, let wanted):
            return field.values(in: document).isEmpty != wanted
        case .all(let conditions):
            return conditions.allSatisfy { $0.matches(document) }
        case .any(let conditions):
            return conditions.contains { $0.matches(document) }
        case .not(let condition):
            return !condition.matches(document)
        }
    }
}
