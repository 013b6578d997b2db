extension MappingCompiler {
    /// The options each transform takes besides its main argument.
    static let transformOptions: [String: [String]] = [
        "replace": ["with"], "pad": ["with", "side"], "fixed_width": ["with"], "number": ["width", "grouping"],
        "datetime": ["zone", "from", "from_zone", "ambiguous"], "lookup": ["column"],
    ]

    /// A `transforms` list: names (`"trim"`) and objects whose first key is the transform (`{ truncate: 120 }`).
    mutating func readTransforms(_ node: ConfigurationNode) -> [MappingTransform]? {
        guard let items = node.array() else { return nil }
        var transforms: [MappingTransform] = []
        var ok = true
        for item in items {
            if let transform = readTransform(item) { transforms.append(transform) } else { ok = false }
        }
        return ok ? transforms : nil
    }

    private mutating func readTransform(_ node: ConfigurationNode) -> MappingTransform? {
        switch node.value {
        case .string(let name):
            guard MappingTransform.names.contains(name) else {
                node.problem(unknownTransform(name))
                return nil
            }
            return simpleTransform(name, at: node)
        case .object(let object):
            guard let first = object.members.first else {
                node.problem("an empty transform: write its name, e.g. \"trim\" or { truncate: 120 }")
                return nil
            }
            let name = first.key
            guard MappingTransform.names.contains(name) else {
                node.child(.key(name), first.value).keyProblem(unknownTransform(name))
                return nil
            }
            let allowed = [name] + (Self.transformOptions[name] ?? [])
            guard let options = node.object(allowed: allowed), let argument = options[name] else { return nil }
            return transform(name, argument: argument, options: options)
        default:
            node.problem("expected a transform name or { name: argument }, found \(node.value.typeName)")
            return nil
        }
    }

    private func unknownTransform(_ name: String) -> String {
        "unknown transform \"\(name)\"" + DidYouMean.hint(for: name, among: MappingTransform.names)
            + " (known: \(MappingTransform.names.joined(separator: ", ")))"
    }

    /// A transform written by name alone.
    private func simpleTransform(_ name: String, at node: ConfigurationNode) -> MappingTransform? {
        switch name {
        case "trim": return .trim
        case "upper": return .upper
        case "lower": return .lower
        case "required": return .required
        case "to_number": return .toNumber
        case "to_string": return .toString
        case "easting": return .easting
        case "northing": return .northing
        case "postcode": return .postcode(invalidGivesEmpty: false)
        case "count": return .count
        case "first": return .first
        case "non_empty": return .nonEmpty
        case "join": return .join("")
        case "boolean": return .boolean(.yesNoLetters)
        default:
            node.problem("transform \"\(name)\" needs an argument: { \(name): ... } (see docs/mappings.md)")
            return nil
        }
    }

    private mutating func transform(_ name: String, argument: ConfigurationNode, options: ConfigurationObject) -> MappingTransform? {
        switch name {
        case "default":
            return .defaultValue(MappingValue(argument.value))
        case "join":
            return argument.string().map { .join($0) }
        case "split":
            return argument.nonEmptyString().map { .split($0) }
        case "template":
            guard let text = argument.string() else { return nil }
            return template(text, at: argument).map { .template($0) }
        case "replace":
            guard let pattern = argument.string() else { return nil }
            let with = options["with"]?.string() ?? ""
            do throws(TransformError) {
                return .replace(try RegexReplacement(pattern: pattern, template: with))
            } catch {
                argument.problem(error.description)
                return nil
            }
        case "truncate":
            return argument.int(in: 0...1_000_000).map { .truncate($0) }
        case "pad", "fixed_width":
            guard let width = argument.int(in: 0...10_000) else { return nil }
            var padding: Character = " "
            if let withNode = options["with"], let text = withNode.string() {
                if text.count == 1, let character = text.first { padding = character } else { withNode.problem("padding is one character") }
            }
            if name == "fixed_width" { return .fixedWidth(width: width, padding: padding) }
            var atStart = false
            if let side = options["side"] {
                switch side.string() {
                case "start"?, "left"?: atStart = true
                case "end"?, "right"?: atStart = false
                case let other?: side.problem("unknown side \"\(other)\" (known: start, end)")
                case nil: break
                }
            }
            return .pad(width: width, padding: padding, atStart: atStart)
        case "number":
            guard let decimals = argument.int(in: 0...20) else { return nil }
            let width = options["width"]?.int(in: 0...100) ?? 0
            var grouping: Character?
            if let node = options["grouping"], let text = node.string() {
                if text.count == 1 { grouping = text.first } else { node.problem("a grouping separator is one character") }
            }
            do throws(TransformError) {
                return .number(try NumberFormat(fractionDigits: decimals, zeroPaddedWidth: width, groupingSeparator: grouping))
            } catch {
                argument.problem(error.description)
                return nil
            }
        case "datetime":
            return dateTime(argument, options: options)
        case "boolean":
            guard let words = argument.array(), words.count == 2, let yes = words[0].string(), let no = words[1].string() else {
                argument.problem("expected the two words for true and false, e.g. [\"Y\", \"N\"]")
                return nil
            }
            do throws(TransformError) {
                return .boolean(try BooleanWords(whenTrue: yes, whenFalse: no))
            } catch {
                argument.problem(error.description)
                return nil
            }
        case "lookup":
            let column = options["column"]?.nonEmptyString()
            if case .string(let tableName) = argument.value {
                guard let table = tables[tableName] else {
                    argument.problem("unknown table \"\(tableName)\"" + DidYouMean.hint(for: tableName, among: tables.keys)
                        + (tables.isEmpty ? " (this mapping declares no tables)" : " (known: \(tables.keys.sorted().joined(separator: ", ")))"))
                    return nil
                }
                return .lookup(table, column: column)
            }
            guard case .object = argument.value else {
                argument.problem("expected a table name or an inline table { entries, default }")
                return nil
            }
            return readInlineTable(argument).map { .lookup($0, column: column) }
        case "postcode":
            switch argument.string() {
            case "error"?: return .postcode(invalidGivesEmpty: false)
            case "empty"?: return .postcode(invalidGivesEmpty: true)
            case let other?:
                argument.problem("unknown postcode choice \"\(other)\" (known: error, empty)")
                return nil
            case nil: return nil
            }
        default:
            argument.keyProblem("transform \"\(name)\" takes no argument; write it as \"\(name)\"")
            return nil
        }
    }

    private func readInlineTable(_ node: ConfigurationNode) -> LookupTable? {
        guard let object = node.object(allowed: ["entries", "default"], required: ["entries"]), let entriesNode = object["entries"] else {
            return nil
        }
        guard case .object(let entries) = entriesNode.value else {
            entriesNode.problem("expected an object of key: value, found \(entriesNode.value.typeName)")
            return nil
        }
        var index: [String: JSONValue] = [:]
        for member in entries.members { index[member.key] = member.value }
        return LookupTable(name: "(inline)", entries: index, fallback: object["default"]?.value)
    }

    /// `{0} {1}, {2}`: text with the values of a combined source by position; `{{` and `}}` for braces.
    private func template(_ text: String, at node: ConfigurationNode) -> [MappingTransform.TemplatePiece]? {
        var pieces: [MappingTransform.TemplatePiece] = []
        var literal = ""
        var characters = text[...]
        while let character = characters.popFirst() {
            if character == "{" {
                if characters.first == "{" {
                    characters.removeFirst()
                    literal.append("{")
                    continue
                }
                guard let close = characters.firstIndex(of: "}"), let index = Int(characters[..<close]), index >= 0 else {
                    node.problem("a template placeholder is {0}, {1}... (the position in \"sources\"); write {{ for a brace")
                    return nil
                }
                if !literal.isEmpty { pieces.append(.text(literal)) }
                literal = ""
                pieces.append(.value(index))
                characters = characters[characters.index(after: close)...]
            } else if character == "}" {
                if characters.first == "}" { characters.removeFirst() }
                literal.append("}")
            } else {
                literal.append(character)
            }
        }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        return pieces
    }

    private func dateTime(_ argument: ConfigurationNode, options: ConfigurationObject) -> MappingTransform? {
        guard let patternText = argument.nonEmptyString() else { return nil }
        var ok = true
        let output: DateTimePattern?
        do throws(TransformError) { output = try DateTimePattern(patternText) } catch {
            argument.problem(error.description)
            output = nil
        }
        func zone(_ node: ConfigurationNode?) -> TimeZoneRules? {
            guard let node else { return .utc }
            guard let name = node.nonEmptyString() else { return nil }
            do throws(TransformError) { return try TimeZoneRules(identifier: name) } catch {
                node.problem(error.description)
                return nil
            }
        }
        let outputZone = zone(options["zone"])
        let inputZone = options["from_zone"] == nil ? outputZone : zone(options["from_zone"])
        var input = DateTimeTransform.Input.iso8601
        if let fromNode = options["from"], let from = fromNode.nonEmptyString(), from != "iso8601" {
            do throws(TransformError) { input = .pattern(try DateTimePattern(from)) } catch {
                fromNode.problem(error.description)
                ok = false
            }
        }
        var ambiguity = AmbiguousTimePolicy.earlier
        if let node = options["ambiguous"] {
            switch node.string() {
            case "earlier"?: ambiguity = .earlier
            case "later"?: ambiguity = .later
            case "reject"?: ambiguity = .reject
            case let other?:
                node.problem("unknown choice \"\(other)\" (known: earlier, later, reject)")
                ok = false
            case nil: ok = false
            }
        }
        guard ok, let output, let outputZone, let inputZone else { return nil }
        do throws(TransformError) {
            return .dateTime(try DateTimeTransform(input: input, inputZone: inputZone, output: output, outputZone: outputZone, ambiguity: ambiguity))
        } catch {
            argument.problem(error.description)
            return nil
        }
    }
}
