/// One output value: where it goes, where it comes from, what is done to it, and when.
struct FieldRule: Sendable {
    /// The full target as written (`location/placename`), for messages.
    var target: String
    /// The last step of the target: an element, member or column name; `.` for the enclosing element's text.
    var name: OutputName
    var isAttribute: Bool
    /// A name computed per item (`attrs` keyed by attribute code), instead of `name`.
    var dynamicName: SourceRule?
    var rule: SourceRule
    var when: MappingCondition?
    var type: OutputType
    var cdata: Bool
}
