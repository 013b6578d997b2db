/// The current item of a repeating group: what relative paths (`@.url`, `@code`) start from.
enum MappingItem {
    case json(JSONValue)
    /// A position on the run's `JSONTape`.
    case tape(Int)
    case xml(XMLNode)
}
