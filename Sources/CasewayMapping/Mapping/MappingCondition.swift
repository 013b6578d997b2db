/// A `when` test: whether a field or group is written for this document.
struct MappingCondition: Sendable {
    enum Test: Sendable {
        case exists(Bool)
        case equals([String])
        case notEquals([String])
    }

    var source: ValueSource
    var test: Test
}
