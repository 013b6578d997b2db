/// What a mapping writes.
public enum MappingOutputFormat: String, Sendable, Hashable, CaseIterable {
    case json
    case xml
    case csv
}
