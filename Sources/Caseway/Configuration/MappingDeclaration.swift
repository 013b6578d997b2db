import CasewayMapping

/// A mapping file as discovered and compiled: its name, the compiled mapping, and the parsed file.
public struct MappingDeclaration: Sendable {
    /// The mapping's name, as connectors refer to it.
    public var name: String
    /// The compiled mapping, ready to run.
    public var mapping: Mapping
    /// The parsed file, for locations in messages.
    public var source: ConfigurationSource

    /// The format the mapping reads.
    public var input: MappingFormat { mapping.input == .json ? .json : .xml }
    /// The format the mapping writes.
    public var output: MappingFormat {
        switch mapping.output {
        case .json: .json
        case .xml: .xml
        case .csv: .csv
        }
    }

    /// A declaration of a compiled mapping.
    public init(mapping: Mapping, name: String, source: ConfigurationSource) {
        self.name = name
        self.mapping = mapping
        self.source = source
    }
}
