/// A compiled mapping: one immutable value, safe to run from many tasks at once, that turns an input
/// document into the shape a back office wants. Running never touches the filesystem or the network.
///
/// Compile it with `Mapping.compile(_:tablesDirectory:)` (or `Mapping(text:displayPath:)`), then call `run`.
public struct Mapping: Sendable {
    /// The mapping's name (`highways-enquiry`).
    public let name: String
    /// What the mapping reads.
    public let input: MappingInputFormat
    /// What the mapping writes.
    public let output: MappingOutputFormat
    /// What may be read, so hostile input is refused before it costs anything.
    public let limits: MappingLimits
    let nodes: [OutputNode]
    let xml: XMLOutputSettings
    let csv: CSVOutputSettings
    let jsonPretty: Bool
    /// Off: every JSON document goes through the tree parser, so tests and the fuzzer
    /// (`@_spi(Fuzzing) import CasewayMapping`) can check that the fast path (`JSONTape`) gives the same
    /// outputs and problems.
    @_spi(Fuzzing) public var allowsFastPaths = true

    init(
        name: String, input: MappingInputFormat, output: MappingOutputFormat, limits: MappingLimits,
        nodes: [OutputNode], xml: XMLOutputSettings, csv: CSVOutputSettings, jsonPretty: Bool
    ) {
        self.name = name
        self.input = input
        self.output = output
        self.limits = limits
        self.nodes = nodes
        self.xml = xml
        self.csv = csv
        self.jsonPretty = jsonPretty
    }

    /// The media type of what `run` writes (`application/xml`, `text/csv`...).
    public var contentType: String {
        switch output {
        case .json: "application/json"
        case .xml:
            switch xml.soap?.version {
            case .some(let version): version.contentType(action: nil)
            case .none: "application/xml"
            }
        case .csv: "text/csv; charset=utf-8"
        }
    }
}
