import Foundation

extension Mapping {
    /// Compiles a mapping file already read, reporting every problem into `root`'s diagnostics; nil if any.
    /// `tablesDirectory` is where `{ file: ... }` tables are found (the mapping file's folder).
    public static func compile(_ root: ConfigurationNode, tablesDirectory: URL?) -> Mapping? {
        var compiler = MappingCompiler(tablesDirectory: tablesDirectory, diagnostics: root.diagnostics)
        let before = root.diagnostics.problems.count
        let mapping = compiler.compile(root)
        return root.diagnostics.problems.count == before ? mapping : nil
    }

    /// Compiles mapping text (JSON5), throwing every problem with `displayPath:line:column`.
    public init(text: String, displayPath: String = "mapping.json5", tablesDirectory: URL? = nil) throws(ConfigurationError) {
        let diagnostics = ConfigurationDiagnostics()
        let document: JSONDocument
        do throws(JSONParseError) {
            document = try JSONParser(dialect: .json5, recordLocations: true).parse(text)
        } catch {
            throw ConfigurationError(problems: [ConfigurationProblem(file: displayPath, location: error.location, path: nil, message: error.message)])
        }
        let source = ConfigurationSource(displayPath: displayPath, document: document)
        guard let mapping = Mapping.compile(source.root(reportingTo: diagnostics), tablesDirectory: tablesDirectory) else {
            try diagnostics.throwIfAny()
            throw ConfigurationError(problems: [ConfigurationProblem(file: displayPath, location: nil, path: nil, message: "could not be compiled")])
        }
        self = mapping
    }

    /// Compiles the mapping file at `url`.
    public init(contentsOf url: URL, displayPath: String? = nil) throws(ConfigurationError) {
        let diagnostics = ConfigurationDiagnostics()
        let display = displayPath ?? url.path
        guard let source = ConfigurationSource.load(url: url, displayPath: display, diagnostics: diagnostics),
            let mapping = Mapping.compile(source.root(reportingTo: diagnostics), tablesDirectory: url.deletingLastPathComponent())
        else {
            try diagnostics.throwIfAny()
            throw ConfigurationError(problems: [ConfigurationProblem(file: display, location: nil, path: nil, message: "could not be compiled")])
        }
        self = mapping
    }
}
