/// What a mapping reads.
public enum MappingInputFormat: String, Sendable, Hashable, CaseIterable {
    case json
    case xml
}
