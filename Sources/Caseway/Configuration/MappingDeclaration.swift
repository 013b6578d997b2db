import CasewayMapping

/// A mapping file as discovered and compiled: its name, the compiled mapping, and the parsed file.
public struct MappingDeclaration: Sendable {
    public var name: String
    /// The compiled mapping, ready to run.
    public var mapping: Mapping
    public var source: ConfigurationSource

    public var input: MappingFormat { mapping.input == .json ? .json : .xml }
    public var output: MappingFormat {
        switch mapping.output {
        case .json: .json
        case .xml: .xml
        case .csv: .csv
        }
    }

    public init(mapping: Mapping, name: String, source: ConfigurationSource) {
        self.name = name
        self.mapping = mapping
        self.source = source
    }
}
