
/// A value in a configuration file, with the means to read it as a type and to report a problem at its location.
///
/// Readers return nil after reporting a problem, so one pass over a file collects every problem in it.
public struct ConfigurationNode {
    public let source: ConfigurationSource
    public let path: ValuePath
    public let value: JSONValue
    public let diagnostics: ConfigurationDiagnostics

    public init(source: ConfigurationSource, path: ValuePath, value: JSONValue, diagnostics: ConfigurationDiagnostics) {
        self.source = source
        self.path = path
        self.value = value
        self.diagnostics = diagnostics
    }

    /// Where this value starts in its file.
    public var location: SourceLocation? { source.document.location(of: path) }

    /// Reports a problem about this value.
    public func problem(_ message: String) {
        diagnostics.report(
            ConfigurationProblem(file: source.displayPath, location: location, path: path, message: message))
    }

    /// Reports a problem about this member's key (an unknown or misspelt field name).
    public func keyProblem(_ message: String) {
        diagnostics.report(
            ConfigurationProblem(
                file: source.displayPath, location: source.document.keyLocation(of: path), path: path,
                message: message))
    }

    func child(_ component: ValuePath.Component, _ value: JSONValue) -> ConfigurationNode {
        ConfigurationNode(
            source: source, path: ValuePath(path.components + [component]), value: value, diagnostics: diagnostics)
    }

    private func typeMismatch(expected: String) {
        problem("expected \(expected), found \(value.typeName)")
    }

    /// The value as a string.
    public func string() -> String? {
        guard case .string(let text) = value else {
            typeMismatch(expected: "a string")
            return nil
        }
        return text
    }

    /// The value as a string that is not empty or only spaces.
    public func nonEmptyString() -> String? {
        guard let text = string() else { return nil }
        guard text.contains(where: { !$0.isWhitespace }) else {
            problem("must not be empty")
            return nil
        }
        return text
    }

    /// The value as a boolean.
    public func bool() -> Bool? {
        guard case .bool(let flag) = value else {
            typeMismatch(expected: "true or false")
            return nil
        }
        return flag
    }

    /// The value as a whole number within `range`.
    public func int(in range: ClosedRange<Int>) -> Int? {
        guard case .number(let number) = value else {
            typeMismatch(expected: "a whole number")
            return nil
        }
        guard let integer = number.intValue else {
            problem("expected a whole number, found \(number.text)")
            return nil
        }
        guard range.contains(integer) else {
            problem("\(integer) is out of range (\(range.lowerBound)...\(range.upperBound))")
            return nil
        }
        return integer
    }

    /// The value as a finite number within `range`.
    public func double(in range: ClosedRange<Double>) -> Double? {
        guard case .number(let number) = value else {
            typeMismatch(expected: "a number")
            return nil
        }
        let double = number.doubleValue
        guard double.isFinite else {
            problem("expected a finite number, found \(number.text)")
            return nil
        }
        guard range.contains(double) else {
            problem("\(number.text) is out of range (\(range.lowerBound)...\(range.upperBound))")
            return nil
        }
        return double
    }

    /// The value as an array of nodes.
    public func array() -> [ConfigurationNode]? {
        guard case .array(let items) = value else {
            typeMismatch(expected: "an array")
            return nil
        }
        return items.enumerated().map { child(.index($0.offset), $0.element) }
    }

    /// The value as an object whose keys must all be in `allowed` (unknown keys are reported with a
    /// did-you-mean) and must include every key in `required`.
    public func object(allowed: [String], required: [String] = []) -> ConfigurationObject? {
        guard case .object(let object) = value else {
            typeMismatch(expected: "an object")
            return nil
        }
        var members: [String: ConfigurationNode] = [:]
        for member in object.members {
            let node = child(.key(member.key), member.value)
            if allowed.contains(member.key) {
                members[member.key] = node
            } else {
                node.keyProblem(
                    "unknown field \"\(member.key)\"" + DidYouMean.hint(for: member.key, among: allowed)
                        + " (known: \(allowed.joined(separator: ", ")))")
            }
        }
        for key in required where members[key] == nil {
            problem("missing required field \"\(key)\"")
        }
        return ConfigurationObject(node: self, members: members)
    }

    /// The value as one of a closed set of words, e.g. a scope or a kind.
    public func oneOf<Word: RawRepresentable & CaseIterable>(_ type: Word.Type, what: String) -> Word?
    where Word.RawValue == String {
        guard let text = string() else { return nil }
        if let word = Word(rawValue: text) { return word }
        let known = Word.allCases.map(\.rawValue)
        problem(
            "unknown \(what) \"\(text)\"" + DidYouMean.hint(for: text, among: known)
                + " (known: \(known.joined(separator: ", ")))")
        return nil
    }

    /// The value as a duration: a number of seconds, or text such as `"250ms"`, `"30s"`, `"5m"`, `"2h"`, `"1d"`.
    public func duration(in range: ClosedRange<Duration>) -> Duration? {
        let parsed: Duration?
        switch value {
        case .number:
            parsed = double(in: 0...Double(Int64.max / 1_000_000_000)).map { Duration.milliseconds(Int64($0 * 1000)) }
            if parsed == nil { return nil }
        case .string(let text):
            parsed = DurationText.parse(text)
            if parsed == nil {
                problem("\"\(text)\" is not a duration (examples: \"250ms\", \"30s\", \"5m\", \"2h\", \"7d\")")
                return nil
            }
        default:
            typeMismatch(expected: "a duration such as \"30s\"")
            return nil
        }
        guard let parsed else { return nil }
        guard range.contains(parsed) else {
            problem(
                "\(DurationText.format(parsed)) is out of range (\(DurationText.format(range.lowerBound))"
                    + " to \(DurationText.format(range.upperBound)))")
            return nil
        }
        return parsed
    }

    /// The value as a size in bytes: a whole number, or text such as `"512 KiB"`, `"1 MiB"`, `"64kB"`.
    public func byteCount(in range: ClosedRange<Int>) -> Int? {
        switch value {
        case .number:
            return int(in: range)
        case .string(let text):
            guard let bytes = ByteCountText.parse(text) else {
                problem("\"\(text)\" is not a size (examples: 1048576, \"512 KiB\", \"1 MiB\")")
                return nil
            }
            guard range.contains(bytes) else {
                problem("\(text) is out of range (\(range.lowerBound)...\(range.upperBound) bytes)")
                return nil
            }
            return bytes
        default:
            typeMismatch(expected: "a size such as \"1 MiB\"")
            return nil
        }
    }
}
