import CasewayMapping
/// The document formats a mapping reads and writes.
public enum MappingFormat: String, Sendable, Hashable, CaseIterable {
    case json
    case xml
    case csv
}
