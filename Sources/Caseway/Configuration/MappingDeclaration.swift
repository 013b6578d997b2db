import CasewayMapping
/// A mapping file as discovered: its name and formats, and the parsed file for its fields.
public struct MappingDeclaration: Sendable {
    public var name: String
    public var input: MappingFormat
    public var output: MappingFormat
    public var source: ConfigurationSource

    public init(name: String, input: MappingFormat, output: MappingFormat, source: ConfigurationSource) {
        self.name = name
        self.input = input
        self.output = output
        self.source = source
    }
}
