/// A regular expression and replacement compiled once, when a mapping is loaded, then applied to many values.
///
/// The pattern is Swift Regex syntax (a superset of PCRE/ICU syntax: `(?i)` for case-insensitive, named groups
/// `(?<name>…)`). In the replacement `$0` is the whole match, `$1`…`$99` and `${name}` are groups, `$$` is a
/// dollar; any other `$` is an error. A group that did not take part in a match is replaced by nothing.
///
/// `Regex` is not declared `Sendable`, which is why this is `@unchecked Sendable`: its only mutable state is the
/// lazily compiled program, which the standard library initialises atomically ("using Regex will still be
/// thread-safe by default, even without the annotation": swift-experimental-string-processing PR #485). We also
/// run the regex once in `init`, so that compilation happens before the value is shared.
public struct RegexReplacement: @unchecked Sendable, CustomStringConvertible {
    /// The pattern as written in the mapping.
    public let pattern: String
    /// The replacement as written in the mapping.
    public let template: String
    private let regex: Regex<AnyRegexOutput>
    private let parts: [TemplatePart]

    private enum TemplatePart: Hashable {
        case literal(String)
        case group(Int)
        case namedGroup(String)
    }

    /// Compiles `pattern` and `template`; errors name the pattern (or template) and what is wrong.
    public init(pattern: String, template: String) throws(TransformError) {
        let regex: Regex<AnyRegexOutput>
        do {
            regex = try Regex(pattern)
        } catch {
            throw TransformError(.invalidPattern, text: pattern, reason: "is not a regular expression (\(error))")
        }
        let parts = try Self.compile(template: template)
        let groupCount = Self.groupCount(pattern: pattern)
        for part in parts {
            switch part {
            case .group(let index):
                if let groupCount, index > groupCount {
                    throw TransformError(
                        .invalidPattern, text: template,
                        reason: "refers to group $\(index), but \(TransformError.quoted(pattern)) has \(groupCount) group\(groupCount == 1 ? "" : "s")")
                }
            case .namedGroup(let name):
                if !regex.contains(captureNamed: name) {
                    throw TransformError(
                        .invalidPattern, text: template,
                        reason: "refers to group ${\(name)}, which \(TransformError.quoted(pattern)) does not have")
                }
            case .literal:
                break
            }
        }
        _ = "".firstMatch(of: regex)
        self.pattern = pattern
        self.template = template
        self.regex = regex
        self.parts = parts
    }

    public var description: String { "s/\(pattern)/\(template)/" }

    /// Replaces every match in `text`.
    public func apply(_ text: some StringProtocol) -> String {
        String(text).replacing(regex) { match in
            var replacement = ""
            for part in parts {
                switch part {
                case .literal(let literal):
                    replacement += literal
                case .group(let index):
                    if index < match.output.count, let captured = match.output[index].substring {
                        replacement += captured
                    }
                case .namedGroup(let name):
                    if let captured = match.output[name]?.substring { replacement += captured }
                }
            }
            return replacement
        }
    }

    /// Whether `text` contains a match, for mappings that branch on a pattern.
    public func matches(_ text: some StringProtocol) -> Bool {
        String(text).contains(regex)
    }

    // MARK: Compiling

    private static func compile(template: String) throws(TransformError) -> [TemplatePart] {
        var parts: [TemplatePart] = []
        var literal = ""
        var index = template.startIndex
        func fail(_ detail: String) -> TransformError {
            TransformError(.invalidPattern, text: template, reason: "is not a replacement (\(detail); write $$ for a dollar)")
        }
        while index < template.endIndex {
            let character = template[index]
            index = template.index(after: index)
            guard character == "$" else {
                literal.append(character)
                continue
            }
            guard index < template.endIndex else { throw fail("it ends with $") }
            let next = template[index]
            if next == "$" {
                literal.append("$")
                index = template.index(after: index)
                continue
            }
            if !literal.isEmpty {
                parts.append(.literal(literal))
                literal = ""
            }
            if next == "{" {
                guard let close = template[index...].firstIndex(of: "}") else { throw fail("${ is not closed") }
                let name = String(template[template.index(after: index)..<close])
                index = template.index(after: close)
                if let number = Int(name), number >= 0 {
                    parts.append(.group(number))
                } else if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                    parts.append(.namedGroup(name))
                } else {
                    throw fail("${\(name)} is not a group name")
                }
            } else if let digit = next.wholeNumberValue, next.isASCII {
                // At most two digits, as in ICU and Perl: `$10` is group 10, `$1 0` is group 1 then "0".
                var number = digit
                index = template.index(after: index)
                if index < template.endIndex, let second = template[index].wholeNumberValue, template[index].isASCII {
                    number = number * 10 + second
                    index = template.index(after: index)
                }
                parts.append(.group(number))
            } else {
                throw fail("$ must be followed by a group number, {name} or $")
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }

    /// How many capturing groups `pattern` has, found by letting the regex engine itself count: `(?:pattern\n)|`
    /// always matches the empty string (through its empty branch), and its output has one slot per group of
    /// `pattern` plus the whole match. The line break ends a trailing `#` comment in extended mode and is inside the
    /// branch that does not match, so it changes nothing. Nil if the wrapper does not compile.
    private static func groupCount(pattern: String) -> Int? {
        guard let wrapped = try? Regex("(?:" + pattern + "\n)|"), let match = "".firstMatch(of: wrapped) else {
            return nil
        }
        return match.output.count - 1
    }
}
