/// One output value: where it goes, where it comes from, what is done to it, and when.
///
/// A class, so that walking the output tree per document retains one reference instead of copying
/// every member of the rule.
final class FieldRule: Sendable {
    /// The full target as written (`location/placename`), for messages.
    let target: String
    /// The last step of the target: an element, member or column name; `.` for the enclosing element's text.
    let name: OutputName
    let isAttribute: Bool
    /// A name computed per item (`attrs` keyed by attribute code), instead of `name`.
    let dynamicName: SourceRule?
    let rule: SourceRule
    let when: MappingCondition?
    let type: OutputType
    let cdata: Bool

    init(
        target: String, name: OutputName, isAttribute: Bool, dynamicName: SourceRule?, rule: SourceRule,
        when: MappingCondition?, type: OutputType, cdata: Bool
    ) {
        self.target = target
        self.name = name
        self.isAttribute = isAttribute
        self.dynamicName = dynamicName
        self.rule = rule
        self.when = when
        self.type = type
        self.cdata = cdata
    }
}
