import Foundation

/// Reads a mapping file into a `Mapping`, reporting every problem with its file:line:column.
///
/// Reading never stops at the first problem: each part is checked on its own, so one run of
/// `caseway check` lists everything wrong in the file.
struct MappingCompiler {
    let tablesDirectory: URL?
    let diagnostics: ConfigurationDiagnostics
    var input: MappingInputFormat = .json
    var output: MappingOutputFormat = .json
    /// Prefixes for XPath over XML input.
    var inputNamespaces: [String: String] = [:]
    /// Prefixes and the default namespace for XML output names.
    var outputNamespaces: [String: String] = [:]
    var outputDefaultNamespace: String?
    var tables: [String: LookupTable] = [:]

    static let topLevelKeys = ["name", "description", "input", "output", "namespaces", "xml", "json", "csv", "tables", "fields", "limits"]

    init(tablesDirectory: URL?, diagnostics: ConfigurationDiagnostics) {
        self.tablesDirectory = tablesDirectory
        self.diagnostics = diagnostics
    }

    mutating func compile(_ root: ConfigurationNode) -> Mapping? {
        guard let object = root.object(allowed: Self.topLevelKeys, required: ["name", "input", "output", "fields"]) else {
            return nil
        }
        let name = object["name"]?.nonEmptyString()
        var input: MappingInputFormat?
        if let node = object["input"] {
            if node.value == .string("csv") {
                node.problem("csv is an output format only; a mapping reads json or xml")
            } else {
                input = node.oneOf(MappingInputFormat.self, what: "input format")
            }
        }
        let output = object["output"]?.oneOf(MappingOutputFormat.self, what: "output format")
        if let input { self.input = input }
        if let output { self.output = output }
        if let node = object["namespaces"] { inputNamespaces = readNamespaces(node) }
        var xmlSettings = XMLOutputSettings.none
        var xmlOK = true
        if let node = object["xml"] {
            if let output, output != .xml { node.keyProblem("\"xml\" settings apply only to output \"xml\"") }
            if let settings = readXMLSettings(node) { xmlSettings = settings } else { xmlOK = false }
        } else if output == .xml {
            root.problem("missing required field \"xml\" (at least its root element: xml: { root: \"...\" })")
            xmlOK = false
        }
        var jsonPretty = false
        if let node = object["json"] {
            if let output, output != .json { node.keyProblem("\"json\" settings apply only to output \"json\"") }
            if let settings = node.object(allowed: ["pretty"]) { jsonPretty = settings["pretty"]?.bool() ?? false }
        }
        var csvSettings = CSVOutputSettings.standard
        if let node = object["csv"] {
            if let output, output != .csv { node.keyProblem("\"csv\" settings apply only to output \"csv\"") }
            csvSettings = readCSVSettings(node) ?? csvSettings
        }
        var limits = MappingLimits()
        if let node = object["limits"], let settings = node.object(allowed: ["max_input_bytes", "max_depth", "max_group_items"]) {
            if let bytes = settings["max_input_bytes"]?.byteCount(in: 1...(64 * 1024 * 1024)) { limits.maxInputBytes = bytes }
            if let depth = settings["max_depth"]?.int(in: 2...256) { limits.maxDepth = depth }
            if let items = settings["max_group_items"]?.int(in: 1...1_000_000) { limits.maxGroupItems = items }
        }
        if let node = object["tables"] { readTables(node) }
        let builder = OutputTreeBuilder()
        var fieldsOK = false
        // Fields are read against the output format; with an unknown one, their checks would only repeat that.
        if output != nil, let items = object["fields"]?.array() {
            fieldsOK = true
            if items.isEmpty { object["fields"]?.problem("a mapping needs at least one field") }
            for item in items where !readEntry(item, into: builder, parentTarget: nil, inGroup: false) { fieldsOK = false }
        }
        guard let name, input != nil, let output, xmlOK, fieldsOK else { return nil }
        _ = output
        return Mapping(
            name: name, input: self.input, output: self.output, limits: limits, nodes: builder.build(), xml: xmlSettings,
            csv: csvSettings, jsonPretty: jsonPretty)
    }

    // MARK: Settings

    private func readNamespaces(_ node: ConfigurationNode) -> [String: String] {
        guard case .object(let object) = node.value else {
            node.problem("expected an object of prefix: \"namespace URI\", found \(node.value.typeName)")
            return [:]
        }
        var namespaces: [String: String] = [:]
        guard let read = node.object(allowed: object.keys) else { return [:] }
        for key in object.keys {
            guard let child = read[key], let uri = child.nonEmptyString() else { continue }
            if !XMLCharacters.isNCName(key) {
                child.keyProblem("\"\(key)\" is not a valid namespace prefix")
                continue
            }
            namespaces[key] = uri
        }
        return namespaces
    }

    private mutating func readXMLSettings(_ node: ConfigurationNode) -> XMLOutputSettings? {
        guard let object = node.object(allowed: ["root", "namespace", "namespaces", "declaration", "pretty", "soap"], required: ["root"])
        else { return nil }
        var ok = true
        if let namespaces = object["namespaces"] { outputNamespaces = readNamespaces(namespaces) }
        if let namespace = object["namespace"] { outputDefaultNamespace = namespace.nonEmptyString() }
        var soap: XMLOutputSettings.SOAPSettings?
        if let soapNode = object["soap"] {
            if let settings = soapNode.object(allowed: ["version", "prefix", "operation"], required: ["version"]) {
                let version = settings["version"]?.oneOf(SOAPVersion.self, what: "SOAP version")
                let prefix = settings["prefix"]?.nonEmptyString() ?? "soap"
                var wrappers: [OutputName] = []
                if let operation = settings["operation"] {
                    if let text = operation.nonEmptyString() {
                        for step in text.split(separator: "/") {
                            if let name = outputName(String(step), at: operation) { wrappers.append(name) } else { ok = false }
                        }
                    } else {
                        ok = false
                    }
                }
                if let version { soap = .init(version: version, prefix: prefix, wrappers: wrappers) } else { ok = false }
            } else {
                ok = false
            }
        }
        guard let rootNode = object["root"], let rootText = rootNode.nonEmptyString(),
            let root = outputName(rootText, at: rootNode)
        else { return nil }
        guard ok else { return nil }
        return XMLOutputSettings(
            root: root, namespaces: outputNamespaces.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            declaration: object["declaration"]?.bool() ?? true, pretty: object["pretty"]?.bool() ?? false, soap: soap)
    }

    private func readCSVSettings(_ node: ConfigurationNode) -> CSVOutputSettings? {
        guard let object = node.object(allowed: ["header", "delimiter", "line_ending", "rows", "formula_guard"]) else { return nil }
        var delimiter: Character = ","
        if let text = object["delimiter"]?.string() {
            if text.count == 1, let character = text.first { delimiter = character } else { object["delimiter"]?.problem("a delimiter is one character") }
        }
        var lineEnding = "\r\n"
        if let ending = object["line_ending"] {
            switch ending.string() {
            case "crlf"?, "\r\n"?: lineEnding = "\r\n"
            case "lf"?, "\n"?: lineEnding = "\n"
            case let other?: ending.problem("unknown line ending \"\(other)\" (known: crlf, lf)")
            case nil: break
            }
        }
        let writer: CSVWriter
        do {
            writer = try CSVWriter(delimiter: delimiter, lineEnding: lineEnding, guardsAgainstFormulas: object["formula_guard"]?.bool() ?? false)
        } catch {
            node.problem(error.description)
            return nil
        }
        var rows: ValueSource?
        if let rowsNode = object["rows"] { rows = readPath(rowsNode) }
        return CSVOutputSettings(writer: writer, header: object["header"]?.bool() ?? true, rows: rows)
    }

    private mutating func readTables(_ node: ConfigurationNode) {
        guard case .object(let object) = node.value, let read = node.object(allowed: object.keys) else {
            node.problem("expected an object of table name: { entries, default } or { file }")
            return
        }
        for key in object.keys {
            guard let child = read[key] else { continue }
            if let table = readTable(named: key, child) { tables[key] = table }
        }
    }

    private func readTable(named name: String, _ node: ConfigurationNode) -> LookupTable? {
        guard let object = node.object(allowed: ["entries", "default", "file", "description"]) else { return nil }
        if let fileNode = object["file"] {
            if object.contains("entries") { fileNode.problem("a table has either \"entries\" or \"file\", not both") }
            guard let path = fileNode.nonEmptyString() else { return nil }
            guard let tablesDirectory else {
                fileNode.problem("a table file needs the mapping's folder; this mapping was not read from a file")
                return nil
            }
            let url = tablesDirectory.appendingPathComponent(path)
            let display = ((node.source.displayPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(path)
            guard let source = ConfigurationSource.load(url: url, displayPath: display, diagnostics: diagnostics) else { return nil }
            return readTable(named: name, source.root(reportingTo: diagnostics))
        }
        guard let entriesNode = object["entries"] else {
            node.problem("a table needs \"entries\" (an object of key: value) or \"file\"")
            return nil
        }
        guard case .object(let entries) = entriesNode.value else {
            entriesNode.problem("expected an object of key: value, found \(entriesNode.value.typeName)")
            return nil
        }
        var index: [String: JSONValue] = [:]
        index.reserveCapacity(entries.count)
        for member in entries.members { index[member.key] = member.value }
        return LookupTable(name: name, entries: index, fallback: object["default"]?.value)
    }

    // MARK: Fields and groups

    /// Reads one entry of a `fields` list (a field, a repeated field or a group); false when it has problems.
    private mutating func readEntry(
        _ node: ConfigurationNode, into builder: OutputTreeBuilder, parentTarget: String?, inGroup: Bool
    ) -> Bool {
        let keys = ["target", "name", "source", "value", "variable", "sources", "transforms", "when", "type", "cdata", "for_each", "item", "fields", "description"]
        guard let object = node.object(allowed: keys) else { return false }
        if object.contains("fields") { return readGroup(object, node: node, into: builder, parentTarget: parentTarget) }
        let problemsBefore = diagnostics.problems.count
        for key in ["item"] where object.contains(key) {
            object[key]?.keyProblem("\"\(key)\" belongs to a group (an entry with \"fields\")")
        }
        // The target: a path of names, or a computed name (`name`) inside a group.
        var path: [OutputName] = []
        var last = OutputName(localName: ".")
        var isAttribute = false
        var targetText = "."
        var dynamicName: SourceRule?
        if let nameNode = object["name"] {
            if !inGroup { nameNode.keyProblem("a computed \"name\" is only allowed inside a group") }
            if output == .csv { nameNode.keyProblem("CSV columns have fixed names") }
            dynamicName = readSourceObject(nameNode)
            targetText = "{name}"
            if let targetNode = object["target"] { targetNode.keyProblem("give either \"target\" or \"name\", not both") }
        } else if let targetNode = object["target"], let text = targetNode.nonEmptyString() {
            targetText = text
            if let parsed = readTarget(text, at: targetNode) {
                path = parsed.path
                last = parsed.last
                isAttribute = parsed.isAttribute
            }
        } else if !object.contains("target") {
            node.problem("missing required field \"target\"")
        }
        let fullTarget = parentTarget.map { $0 + "/" + targetText } ?? targetText
        let rule = readValueRule(object, node: node)
        let when = object["when"].flatMap { readCondition($0) }
        var type = OutputType.auto
        if let typeNode = object["type"] {
            if output != .json { typeNode.keyProblem("\"type\" applies to JSON output (XML and CSV are text)") }
            type = typeNode.oneOf(OutputType.self, what: "type") ?? .auto
        }
        var cdata = false
        if let cdataNode = object["cdata"] {
            if output != .xml { cdataNode.keyProblem("\"cdata\" applies to XML output") }
            cdata = cdataNode.bool() ?? false
        }
        if isAttribute, cdata { object["cdata"]?.problem("an attribute cannot be CDATA") }
        let forEach = object["for_each"].flatMap { readPath($0) }
        guard let rule, diagnostics.problems.count == problemsBefore else { return false }
        if object.contains("for_each"), forEach == nil { return false }
        if let forEach {
            if output == .csv {
                object["for_each"]?.keyProblem("CSV output repeats rows with csv.rows, not fields")
                return false
            }
            if isAttribute {
                object["for_each"]?.keyProblem("an attribute cannot repeat")
                return false
            }
            // A repeated field: one element (XML) or array entry (JSON) per item.
            if output == .xml {
                let field = FieldRule(
                    target: fullTarget, name: last, isAttribute: false, dynamicName: nil, rule: rule, when: nil, type: type, cdata: cdata)
                builder.append(
                    .group(GroupRule(target: fullTarget, name: nil, item: nil, forEach: forEach, when: when, children: [.field(field)])),
                    at: path)
            } else {
                let field = FieldRule(
                    target: fullTarget, name: OutputName(localName: "."), isAttribute: false, dynamicName: nil, rule: rule, when: nil,
                    type: type, cdata: false)
                builder.append(
                    .group(GroupRule(target: fullTarget, name: last, item: nil, forEach: forEach, when: when, children: [.field(field)])),
                    at: path)
            }
            return true
        }
        let field = FieldRule(
            target: fullTarget, name: last, isAttribute: isAttribute, dynamicName: dynamicName, rule: rule, when: when, type: type,
            cdata: cdata)
        builder.append(.field(field), at: path)
        return true
    }

    private mutating func readGroup(
        _ object: ConfigurationObject, node: ConfigurationNode, into builder: OutputTreeBuilder, parentTarget: String?
    ) -> Bool {
        let problemsBefore = diagnostics.problems.count
        for key in ["source", "value", "variable", "sources", "transforms", "type", "cdata", "name"] where object.contains(key) {
            object[key]?.keyProblem("\"\(key)\" belongs to a field; a group (an entry with \"fields\") has target, for_each, item, when and fields")
        }
        if output == .csv { object["fields"]?.keyProblem("CSV output has no groups; use csv.rows for one row per item") }
        guard let targetNode = object["target"] else {
            node.problem("missing required field \"target\"")
            return false
        }
        guard let forEachNode = object["for_each"] else {
            node.problem("missing required field \"for_each\" (the array or nodes to repeat over)")
            return false
        }
        let forEach = readPath(forEachNode)
        let when = object["when"].flatMap { readCondition($0) }
        guard let targetText = targetNode.nonEmptyString(), let target = readTarget(targetText, at: targetNode) else { return false }
        if target.isAttribute { targetNode.problem("a group's target is an element, not an attribute") }
        var item: OutputName?
        if let itemNode = object["item"], let text = itemNode.nonEmptyString() { item = outputName(text, at: itemNode) }
        let fullTarget = parentTarget.map { $0 + "/" + targetText } ?? targetText
        let children = OutputTreeBuilder()
        var ok = true
        if let items = object["fields"]?.array() {
            if items.isEmpty { object["fields"]?.problem("a group needs at least one field") }
            for child in items where !readEntry(child, into: children, parentTarget: fullTarget, inGroup: true) { ok = false }
        }
        guard ok, let forEach, diagnostics.problems.count == problemsBefore else { return false }
        let container: OutputName? = target.last.isSelf ? nil : target.last
        builder.append(
            .group(GroupRule(target: fullTarget, name: container, item: item, forEach: forEach, when: when, children: children.build())),
            at: target.path)
        return true
    }

    /// A target path: names split by `/`, the last one possibly `@attribute` or `.`.
    private func readTarget(_ text: String, at node: ConfigurationNode) -> (path: [OutputName], last: OutputName, isAttribute: Bool)? {
        let steps = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if steps.contains(where: \.isEmpty) {
            node.problem("\"\(text)\" has an empty step (targets look like \"location/easting\" or \"geo/@lat\")")
            return nil
        }
        if output == .csv, steps.count > 1 || text.hasPrefix("@") {
            node.problem("a CSV target is a column name, without \"/\" or \"@\"")
            return nil
        }
        if output == .csv { return ([], OutputName(localName: text), false) }
        var path: [OutputName] = []
        for step in steps.dropLast() {
            if step.hasPrefix("@") || step == "." {
                node.problem("\"\(step)\" can only be the last step of a target")
                return nil
            }
            guard let name = outputName(step, at: node) else { return nil }
            path.append(name)
        }
        guard let lastStep = steps.last else { return nil }
        if lastStep == "." { return (path, OutputName(localName: "."), false) }
        if lastStep.hasPrefix("@") {
            guard output == .xml else {
                node.problem("attributes (\"@name\") exist only in XML output")
                return nil
            }
            let attributeText = String(lastStep.dropFirst())
            guard var name = outputName(attributeText, at: node) else { return nil }
            // Unprefixed attributes are in no namespace, whatever the default namespace.
            if !attributeText.contains(":") { name.namespace = nil }
            return (path, name, true)
        }
        guard let name = outputName(lastStep, at: node) else { return nil }
        return (path, name, false)
    }

    /// An element or attribute name, with its namespace from the prefix or the default namespace.
    private func outputName(_ text: String, at node: ConfigurationNode) -> OutputName? {
        guard output == .xml else { return OutputName(localName: text) }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2 {
            guard let uri = outputNamespaces[parts[0]] else {
                node.problem(
                    "prefix \"\(parts[0])\" is not declared in xml.namespaces"
                        + DidYouMean.hint(for: parts[0], among: outputNamespaces.keys))
                return nil
            }
            guard XMLCharacters.isNCName(parts[1]) else {
                node.problem("\"\(parts[1])\" is not a valid XML name")
                return nil
            }
            return OutputName(localName: parts[1], prefix: parts[0], namespace: uri)
        }
        guard parts.count == 1, XMLCharacters.isNCName(text) else {
            node.problem("\"\(text)\" is not a valid XML name")
            return nil
        }
        return OutputName(localName: text, prefix: nil, namespace: outputDefaultNamespace)
    }

    // MARK: Sources

    /// The field's `source`, `value` or `sources`, and its `transforms`.
    private mutating func readValueRule(_ object: ConfigurationObject, node: ConfigurationNode) -> SourceRule? {
        let given = ["source", "value", "variable", "sources"].filter { object.contains($0) }
        guard given.count == 1 else {
            if given.isEmpty {
                node.problem(
                    "a field needs one of \"source\" (a path), \"value\" (a constant), \"variable\" (from the hub) or \"sources\" (several)")
            } else {
                object[given[1]]?.keyProblem("give only one of \"source\", \"value\", \"variable\" and \"sources\"")
            }
            return nil
        }
        let source: ValueSource?
        switch given[0] {
        case "source": source = object["source"].flatMap { readPath($0) }
        case "value": source = object["value"].map { .constant(MappingValue($0.value)) }
        case "variable": source = object["variable"]?.nonEmptyString().map { .variable($0) }
        default: source = object["sources"].flatMap { readSources($0) }
        }
        let transforms = object["transforms"].flatMap { readTransforms($0) } ?? []
        guard let source else { return nil }
        return SourceRule(source: source, transforms: transforms)
    }

    private mutating func readSources(_ node: ConfigurationNode) -> ValueSource? {
        guard let items = node.array() else { return nil }
        if items.isEmpty { node.problem("\"sources\" needs at least one source") }
        var rules: [SourceRule] = []
        var ok = true
        for item in items {
            if case .string = item.value {
                if let source = readPath(item) { rules.append(SourceRule(source: source, transforms: [])) } else { ok = false }
            } else if let rule = readSourceObject(item) {
                rules.append(rule)
            } else {
                ok = false
            }
        }
        return ok ? .combined(rules) : nil
    }

    /// `{ source | value, transforms }`: one of several sources, or a computed name.
    private mutating func readSourceObject(_ node: ConfigurationNode) -> SourceRule? {
        if case .string = node.value { return readPath(node).map { SourceRule(source: $0, transforms: []) } }
        guard let object = node.object(allowed: ["source", "value", "variable", "sources", "transforms"]) else { return nil }
        return readValueRule(object, node: node)
    }

    /// A JSONPath (JSON input) or XPath (XML input), compiled now.
    func readPath(_ node: ConfigurationNode) -> ValueSource? {
        guard let text = node.nonEmptyString() else { return nil }
        switch input {
        case .json:
            do throws(JSONPathError) {
                return .jsonPath(try JSONPath(text))
            } catch {
                node.problem("\"\(text)\" is not a JSONPath: \(error.message)")
                return nil
            }
        case .xml:
            if text.hasPrefix("$.") || text.hasPrefix("$[") {
                node.problem("\"\(text)\" is a JSONPath, but this mapping reads XML: write an XPath such as \"/Request/Name\"")
                return nil
            }
            do {
                return .xpath(try XPathExpression(text, namespaces: inputNamespaces))
            } catch let error as XMLError {
                node.problem("\"\(text)\" is not a valid XPath: \(error.message)")
                return nil
            } catch {
                node.problem("\"\(text)\" is not a valid XPath: \(error)")
                return nil
            }
        }
    }

    private mutating func readCondition(_ node: ConfigurationNode) -> MappingCondition? {
        guard let object = node.object(allowed: ["source", "equals", "not_equals", "exists"], required: ["source"]) else { return nil }
        let tests = ["equals", "not_equals", "exists"].filter { object.contains($0) }
        guard tests.count == 1 else {
            node.problem("a condition needs exactly one of \"equals\", \"not_equals\" or \"exists\"")
            return nil
        }
        let source = object["source"].flatMap { readPath($0) }
        let test: MappingCondition.Test?
        switch tests[0] {
        case "exists": test = object["exists"]?.bool().map { .exists($0) }
        case "equals": test = object["equals"].flatMap { words($0) }.map { .equals($0) }
        default: test = object["not_equals"].flatMap { words($0) }.map { .notEquals($0) }
        }
        guard let source, let test else { return nil }
        return MappingCondition(source: source, test: test)
    }

    /// A value or a list of values, as the texts a source's value is compared with.
    private func words(_ node: ConfigurationNode) -> [String]? {
        switch node.value {
        case .array(let items): return items.map { MappingValue($0).text }
        case .object:
            node.problem("expected a value or a list of values, found object")
            return nil
        default: return [MappingValue(node.value).text]
        }
    }
}
