import CasewayMapping

/// A compiled `file_name` template such as `{date:yyyyMMdd}-{case.sender_reference}-{delivery.id}`:
/// literal text and placeholders, every placeholder checked when the configuration loads.
public struct FileNameTemplate: Sendable, CustomStringConvertible {
    /// The template as written.
    public let source: String
    let parts: [Part]

    /// The placeholders a template can use, as messages list them.
    public static let placeholderNames = [
        "case.id", "delivery.id", "case.sender_reference", "case.client", "date:PATTERN", "field:PATH",
    ]

    /// Compiles `source`; throws every problem found in it (not just the first).
    public init(_ source: String, namespaces: [String: String]) throws(FileNameTemplateError) {
        var parts: [Part] = []
        var problems: [String] = []
        var literal = ""
        var placeholder: String?
        for character in source {
            switch (character, placeholder) {
            case ("{", nil):
                placeholder = ""
            case ("{", .some(let open)):
                problems.append("unbalanced braces: \"{\" inside the placeholder \"{\(open)\"; placeholders do not nest")
                placeholder = ""
            case ("}", nil):
                problems.append("unbalanced braces: \"}\" without an opening \"{\"")
            case ("}", .some(let name)):
                if !literal.isEmpty {
                    parts.append(.literal(literal))
                    literal = ""
                }
                do throws(FileNameTemplateError) {
                    parts.append(try Self.placeholder(name, namespaces: namespaces))
                } catch {
                    problems += error.problems
                }
                placeholder = nil
            case (_, nil):
                literal.append(character)
            case (_, .some(let name)):
                placeholder = name + String(character)
            }
        }
        if let open = placeholder {
            problems.append("unbalanced braces: \"{\(open)\" is not closed with \"}\"")
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        problems += Self.literalProblems(parts)
        if problems.isEmpty, !parts.contains(where: \.identifiesDelivery) {
            problems.append(
                "must contain {delivery.id} or {case.id}, so that a re-delivery overwrites the same file"
                    + " instead of leaving a second one (and two cases never share a name)")
        }
        guard problems.isEmpty else { throw FileNameTemplateError(problems: problems) }
        self.source = source
        self.parts = parts
    }

    public var description: String { source }

    /// Bytes the template's literal text and ids take in every name; what is left goes to the other values.
    var fixedByteCount: Int {
        parts.reduce(0) { total, part in
            switch part {
            case .literal(let text): total + text.utf8.count
            case .caseID, .deliveryID: total + FileNameSanitiser.recordIDByteCount
            default: total
            }
        }
    }

    /// Whether names carry `{delivery.id}`, so that two deliveries of one case (the case and an update on
    /// it) never get the same name.
    var namesEachDelivery: Bool {
        parts.contains { if case .deliveryID = $0 { true } else { false } }
    }

    /// Whether a `{date:…}` needs a time zone.
    var writesDates: Bool {
        parts.contains { if case .date = $0 { true } else { false } }
    }

    /// Whether a `{field:…}` needs the case's body parsed.
    var readsCaseFields: Bool {
        parts.contains { if case .field = $0 { true } else { false } }
    }

    private static func placeholder(_ name: String, namespaces: [String: String]) throws(FileNameTemplateError) -> Part {
        switch name {
        case "case.id": return .caseID
        case "delivery.id": return .deliveryID
        case "case.sender_reference": return .senderReference
        case "case.client": return .client
        default: break
        }
        if name.hasPrefix("date:") {
            let pattern = String(name.dropFirst("date:".count))
            guard !pattern.isEmpty else { throw FileNameTemplateError("{date:} needs a pattern, e.g. {date:yyyyMMdd}") }
            do {
                return .date(try DateTimePattern(pattern))
            } catch {
                throw FileNameTemplateError("{\(name)}: \(error)")
            }
        }
        if name.hasPrefix("field:") {
            let path = String(name.dropFirst("field:".count))
            guard !path.isEmpty else { throw FileNameTemplateError("{field:} needs a path, e.g. {field:$.service_code}") }
            do {
                return .field(try CaseField(path, namespaces: namespaces))
            } catch {
                throw FileNameTemplateError("{\(name)}: \(error)")
            }
        }
        if name == "date" || name == "field" {
            throw FileNameTemplateError(
                "{\(name)} needs \(name == "date" ? "a pattern, e.g. {date:yyyyMMdd}" : "a path, e.g. {field:$.service_code}")")
        }
        let known = placeholderNames.map { $0.hasSuffix(":PATTERN") || $0.hasSuffix(":PATH") ? String($0.prefix { $0 != ":" }) : $0 }
        let stem = name.contains(":") ? String(name.prefix { $0 != ":" }) : name
        throw FileNameTemplateError(
            "unknown placeholder {\(name)}" + DidYouMean.hint(for: stem, among: known)
                + " (known: \(placeholderNames.map { "{\($0)}" }.joined(separator: ", ")))")
    }

    /// Literal text goes into every name as written, so it must be safe on its own: no separators, no
    /// control characters, no `..`, and no leading dot (a hidden file, and the prefix of our temporary names).
    private static func literalProblems(_ parts: [Part]) -> [String] {
        var problems: [String] = []
        for (index, part) in parts.enumerated() {
            guard case .literal(let text) = part else { continue }
            if let reason = FileNameSanitiser.literalProblem(text) {
                problems.append("the literal text \"\(text.debugDescription.dropFirst().dropLast())\" \(reason)")
            } else if index == 0, text.hasPrefix(".") {
                problems.append("must not start with \".\": the file would be hidden, and names starting with \".\" are the drop's temporary files")
            }
        }
        return problems
    }
}

extension FileNameTemplate {
    /// A template built in code from parts known to be valid (the default).
    init(checked source: String, parts: [Part]) {
        self.source = source
        self.parts = parts
    }
}
