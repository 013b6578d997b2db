/// A source and the transforms applied to what it gives.
struct SourceRule: Sendable {
    var source: ValueSource
    var transforms: [MappingTransform]
}
