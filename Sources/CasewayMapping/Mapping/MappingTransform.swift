/// One compiled step of a field's transform chain. Everything about its arguments was checked when the
/// mapping was compiled; `apply` can fail only because of the document's value.
enum MappingTransform: Sendable {
    case trim
    case upper
    case lower
    case defaultValue(MappingValue)
    case required
    case join(String)
    case split(String)
    case template([TemplatePiece])
    case replace(RegexReplacement)
    case truncate(Int)
    case pad(width: Int, padding: Character, atStart: Bool)
    case fixedWidth(width: Int, padding: Character)
    case number(NumberFormat)
    case toNumber
    case toString
    case dateTime(DateTimeTransform)
    case boolean(BooleanWords)
    case lookup(LookupTable, column: String?)
    case easting
    case northing
    case postcode(invalidGivesEmpty: Bool)
    case count
    case first
    case nonEmpty

    /// A piece of a `template`: literal text or the value at an index of the list.
    enum TemplatePiece: Sendable {
        case text(String)
        case value(Int)
    }

    /// The names integrators write, for did-you-mean and documentation.
    static let names = [
        "trim", "upper", "lower", "default", "required", "join", "split", "template", "replace", "truncate", "pad",
        "fixed_width", "number", "to_number", "to_string", "datetime", "boolean", "lookup", "easting", "northing",
        "postcode", "count", "first", "non_empty",
    ]
}
