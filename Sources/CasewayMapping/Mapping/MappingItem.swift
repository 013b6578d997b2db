/// The current item of a repeating group: what relative paths (`@.url`, `@code`) start from.
enum MappingItem {
    case json(JSONValue)
    case xml(XMLNode)
}
