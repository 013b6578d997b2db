import CasewayMapping
import Foundation

/// Everything the hub runs on: `caseway.json5` plus the connector and mapping files it points at,
/// validated completely before anything starts.
public struct Configuration: Sendable {
    public var hub: HubConfiguration
    public var connectors: [ConnectorDeclaration]
    public var mappings: [MappingDeclaration]

    public init(hub: HubConfiguration, connectors: [ConnectorDeclaration], mappings: [MappingDeclaration]) {
        self.hub = hub
        self.connectors = connectors
        self.mappings = mappings
    }

    /// Loads and validates the configuration at `path`, reporting every problem in every file at once.
    public static func load(
        path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> Configuration {
        let diagnostics = ConfigurationDiagnostics()
        let url = URL(fileURLWithPath: path)
        let baseDirectory = url.deletingLastPathComponent()
        // Paths in messages are shown relative to the configuration's folder, as the user would type them.
        let displayBase = (path as NSString).deletingLastPathComponent

        guard let source = ConfigurationSource.load(url: url, displayPath: path, diagnostics: diagnostics) else {
            throw ConfigurationError(problems: diagnostics.sortedProblems)
        }
        let hub = HubConfiguration.read(
            source.root(reportingTo: diagnostics), baseDirectory: baseDirectory, environment: environment)
        // Connector and mapping files are checked even when the hub file has problems, so one run lists all.
        let directories = HubConfiguration.declarationDirectories(source.document.value, baseDirectory: baseDirectory)
        var connectors: [ConnectorDeclaration] = []
        var mappings: [MappingDeclaration] = []
        // With a broken hub file the prefixes are taken as written, so a problem elsewhere in caseway.json5
        // is not echoed as an "undeclared prefix" in every connector that routes on XML.
        let context = ConnectorContext(
            baseDirectory: baseDirectory, environment: environment,
            namespaces: hub?.intake.namespaces ?? HubConfiguration.declaredNamespaces(source.document.value),
            clients: hub?.clients.map(\.name) ?? HubConfiguration.declaredClientNames(source.document.value))
        // Every connector's `mapping`, even from files with other problems, checked once Mappings/ is read.
        var mappingReferences: [ConfigurationNode] = []
        // The `mapping` of connectors that take updates: it reads the update's JSON, so it must take JSON in.
        var updateMappingReferences: [ConfigurationNode] = []
        // Queue connectors as written, even from files with other problems, so a client's grant of one is
        // not also called unknown.
        var writtenQueueNames: [String] = []
        if let connectorsDirectory = hub?.connectorsDirectory ?? directories.connectors {
            connectors = readDeclarations(
                in: connectorsDirectory, baseDirectory: baseDirectory, displayBase: displayBase, configFile: path, field: "connectors_directory",
                diagnostics: diagnostics,
                read: { root in
                    if root.value["kind"]?.stringValue == ConnectorKindName.queue.rawValue, let name = root.value["name"]?.stringValue {
                        writtenQueueNames.append(name)
                    }
                    if case .object(let members) = root.value, let mapping = members["mapping"], case .string = mapping {
                        let reference = ConfigurationNode(
                            source: root.source, path: .root / "mapping", value: mapping, diagnostics: diagnostics)
                        mappingReferences.append(reference)
                        if let updates = members["updates"], !updates.isNull { updateMappingReferences.append(reference) }
                    }
                    return ConnectorDeclaration.read(root, context: context)
                })
            reportDuplicateNames(connectors.map { ($0.name, $0.source) }, what: "connector", diagnostics: diagnostics)
            reportUnknownQueues(source.root(reportingTo: diagnostics), queues: writtenQueueNames)
        }
        if let mappingsDirectory = hub?.mappingsDirectory ?? directories.mappings {
            // Names written in mapping files that failed to compile count as known: their own problems are
            // reported, and calling every connector that uses them "unknown" too would mislead.
            var writtenMappingNames: Set<String> = []
            mappings = readDeclarations(
                in: mappingsDirectory, baseDirectory: baseDirectory, displayBase: displayBase, configFile: path, field: "mappings_directory",
                diagnostics: diagnostics,
                read: { root in
                    if let name = root.value["name"]?.stringValue { writtenMappingNames.insert(name) }
                    return readMapping(root, directory: mappingsDirectory)
                })
            reportDuplicateNames(mappings.map { ($0.name, $0.source) }, what: "mapping", diagnostics: diagnostics)
            if isDirectory(mappingsDirectory) {
                reportUnknownMappings(mappingReferences, known: mappings.map(\.name), written: writtenMappingNames)
                reportXMLMappingsOfUpdates(updateMappingReferences, mappings: mappings)
                reportClientUpdateMappings(source.root(reportingTo: diagnostics), mappings: mappings, written: writtenMappingNames)
            }
        }
        try diagnostics.throwIfAny()
        guard let hub else { throw ConfigurationError(problems: diagnostics.sortedProblems) }
        return Configuration(hub: hub, connectors: connectors, mappings: mappings)
    }

    /// The `*.json5` files directly inside `directory`, in name order, each read by `read`.
    private static func readDeclarations<Declaration>(
        in directory: URL, baseDirectory: URL, displayBase: String, configFile: String, field: String,
        diagnostics: ConfigurationDiagnostics,
        read: (ConfigurationNode) -> Declaration?
    ) -> [Declaration] {
        // A folder inside the configuration's folder is shown as written (`conf/connectors`), prefixed like the
        // configuration file itself; one elsewhere by its absolute path.
        let basePath = baseDirectory.standardizedFileURL.path
        let directoryPath = directory.standardizedFileURL.path
        let displayDirectory: String
        if directoryPath.hasPrefix(basePath + "/") {
            let relative = String(directoryPath.dropFirst(basePath.count + 1))
            displayDirectory = displayBase.isEmpty ? relative : (displayBase as NSString).appendingPathComponent(relative)
        } else {
            displayDirectory = directoryPath
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory)
            let reason =
                !exists ? "directory \(directory.path) does not exist"
                : !isDirectory.boolValue ? "\(directory.path) is not a directory"
                : "directory \(directory.path) cannot be read (permission denied)"
            diagnostics.report(
                ConfigurationProblem(file: configFile, location: nil, path: ValuePath.root / field, message: reason))
            return []
        }
        return names.filter { $0.hasSuffix(".json5") && !$0.hasPrefix(".") }.sorted().compactMap { name in
            let display = (displayDirectory as NSString).appendingPathComponent(name)
            guard
                let source = ConfigurationSource.load(
                    url: directory.appendingPathComponent(name), displayPath: display, diagnostics: diagnostics)
            else { return nil }
            return read(source.root(reportingTo: diagnostics))
        }
    }

    /// Connector and mapping names appear in URLs, file names and logs, so they are kept plain.
    static func readName(_ object: ConfigurationObject) -> String? {
        guard let node = object["name"], let name = node.nonEmptyString() else { return nil }
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        guard allowed, name.utf8.count <= 64, name.first?.isLetter == true else {
            node.problem(
                "\"\(name)\" is not a valid name (lower-case letters, digits, \"-\" and \"_\", starting with a letter,"
                    + " at most 64 characters)")
            return nil
        }
        return name
    }

    /// Reports each client's `queues` entry that names no queue connector in Connectors/, with the closest name.
    private static func reportUnknownQueues(_ root: ConfigurationNode, queues: [String]) {
        guard let clients = root.value["clients"]?.arrayValue else { return }
        for (clientIndex, client) in clients.enumerated() {
            guard let names = client["queues"]?.arrayValue else { continue }
            for (index, value) in names.enumerated() {
                guard let name = value.stringValue, !name.isEmpty, !queues.contains(name) else { continue }
                let node = ConfigurationNode(
                    source: root.source, path: .root / "clients" / clientIndex / "queues" / index, value: value,
                    diagnostics: root.diagnostics)
                let list = queues.isEmpty ? "there are no queue connectors" : "queues: \(queues.sorted().joined(separator: ", "))"
                node.problem("no queue connector named \"\(name)\"" + DidYouMean.hint(for: name, among: queues) + " (\(list))")
            }
        }
    }

    /// Reports each connector's `mapping` that names no mapping in Mappings/, with the closest name.
    private static func reportUnknownMappings(_ references: [ConfigurationNode], known: [String], written: Set<String>) {
        for reference in references {
            guard case .string(let name) = reference.value, name.contains(where: { !$0.isWhitespace }),
                !known.contains(name), !written.contains(name)
            else { continue }
            let list = known.isEmpty ? "there are no mappings" : "known: \(known.sorted().joined(separator: ", "))"
            reference.problem("no mapping named \"\(name)\"" + DidYouMean.hint(for: name, among: known) + " (\(list))")
        }
    }

    /// Reports each connector that takes updates but whose mapping reads XML: updates travel as JSON
    /// (`UpdateMessage`), so every update would fail that mapping and become a dead letter.
    private static func reportXMLMappingsOfUpdates(_ references: [ConfigurationNode], mappings: [MappingDeclaration]) {
        for reference in references {
            guard case .string(let name) = reference.value,
                let mapping = mappings.first(where: { $0.name == name })?.mapping, mapping.input == .xml
            else { continue }
            reference.problem(
                "mapping \"\(name)\" reads XML, but this connector takes updates, which are sent as JSON"
                    + " (docs/connectors.md); give it a mapping with input: \"json\", or send cases and updates through two connectors")
        }
    }

    /// Reports each client's `update_mapping` that names no mapping in Mappings/ (with the closest name), or
    /// one that does not read XML into JSON: it turns the client's XML into an update body.
    private static func reportClientUpdateMappings(_ root: ConfigurationNode, mappings: [MappingDeclaration], written: Set<String>) {
        guard let clients = root.value["clients"]?.arrayValue else { return }
        let known = mappings.map(\.name)
        for (index, client) in clients.enumerated() {
            guard let value = client["update_mapping"], let name = value.stringValue, name.contains(where: { !$0.isWhitespace })
            else { continue }
            let node = ConfigurationNode(
                source: root.source, path: .root / "clients" / index / "update_mapping", value: value, diagnostics: root.diagnostics)
            guard let mapping = mappings.first(where: { $0.name == name })?.mapping else {
                // A mapping whose file has problems of its own is reported there, not here too.
                guard !written.contains(name) else { continue }
                let list = known.isEmpty ? "there are no mappings" : "known: \(known.sorted().joined(separator: ", "))"
                node.problem("no mapping named \"\(name)\"" + DidYouMean.hint(for: name, among: known) + " (\(list))")
                continue
            }
            if mapping.input != .xml || mapping.output != .json {
                node.problem(
                    "mapping \"\(name)\" reads \(mapping.input.rawValue) and writes \(mapping.output.rawValue); an update_mapping"
                        + " reads the client's XML and writes an update's JSON (input: \"xml\", output: \"json\"; docs/configuration.md)")
            }
        }
    }

    /// The clients that send XML updates, each with its compiled `update_mapping`.
    public var updateMappings: [String: Mapping] {
        var found: [String: Mapping] = [:]
        for client in hub.clients {
            guard let name = client.updateMapping, let mapping = mappings.first(where: { $0.name == name })?.mapping else { continue }
            found[client.name] = mapping
        }
        return found
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Compiles a mapping file completely (paths, XPath, transforms, tables), so `caseway check` reports
    /// every problem in it; tables named by `file` are found beside the mapping (e.g. `Mappings/tables/`).
    private static func readMapping(_ root: ConfigurationNode, directory: URL) -> MappingDeclaration? {
        guard case .object(let members) = root.value else {
            root.problem("expected an object, found \(root.value.typeName)")
            return nil
        }
        // Unknown keys and a missing name are the compiler's to report; here only the name's spelling.
        let name = members["name"]?.stringValue == nil ? nil : root.object(allowed: members.keys).flatMap(readName)
        guard let mapping = Mapping.compile(root, tablesDirectory: directory), let name else { return nil }
        return MappingDeclaration(mapping: mapping, name: name, source: root.source)
    }

    private static func reportDuplicateNames(
        _ entries: [(name: String, source: ConfigurationSource)], what: String, diagnostics: ConfigurationDiagnostics
    ) {
        var first: [String: ConfigurationSource] = [:]
        for entry in entries {
            if let earlier = first[entry.name] {
                let path = ValuePath.root / "name"
                diagnostics.report(
                    ConfigurationProblem(
                        file: entry.source.displayPath, location: entry.source.document.location(of: path), path: path,
                        message: "duplicate \(what) name \"\(entry.name)\" (also in \(earlier.displayPath))"))
            } else {
                first[entry.name] = entry.source
            }
        }
    }
}
