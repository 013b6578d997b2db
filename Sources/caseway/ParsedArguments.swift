/// A command's arguments after parsing: the positional words and the flags given.
struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: String] = [:]
    var toggles: Set<String> = []
    var wantsHelp = false

    /// Parses `arguments` against `flags`; accepts `--name VALUE`, `--name=VALUE`, `--` and `-h`/`--help`.
    static func parse(_ arguments: [String], flags: [Flag], maxPositionals: Int) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            if argument == "-h" || argument == "--help" {
                parsed.wantsHelp = true
                continue
            }
            guard argument.hasPrefix("--") else { throw UsageError("unknown option \(argument)") }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let flag = flags.first(where: { $0.name == name }) else {
                let hint = DidYouMeanFlag.hint(for: name, among: flags.map(\.name))
                throw UsageError("unknown option --\(name)\(hint)")
            }
            if let valueName = flag.valueName {
                if let inlineValue {
                    parsed.values[name] = inlineValue
                } else {
                    guard index < arguments.count else { throw UsageError("--\(name) needs a value (\(valueName))") }
                    parsed.values[name] = arguments[index]
                    index += 1
                }
            } else {
                guard inlineValue == nil else { throw UsageError("--\(name) takes no value") }
                parsed.toggles.insert(name)
            }
        }
        if parsed.positionals.count > maxPositionals, !parsed.wantsHelp {
            let extra = parsed.positionals[maxPositionals]
            throw UsageError("unexpected argument \"\(extra)\"")
        }
        return parsed
    }
}
