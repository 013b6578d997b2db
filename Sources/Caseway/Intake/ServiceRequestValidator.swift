import CasewayMapping

/// Checks a JSON service request and lists every field at fault, so a front office can fix all of them in
/// one round trip.
///
/// Every request needs a `service_code` and, when it gives one, a safe `source.reference`: routing and
/// file names rely on them. A request that declares the native schema (`caseway.service-request/1`, see
/// docs/api.md) has its other fields typed too; a request in another shape (an Open311-like front office)
/// is carried through untouched for its mappings to read.
public struct ServiceRequestValidator: Sendable {
    /// The schema name a request may declare; a request without one is read as this.
    public static let schema = "caseway.service-request/1"

    /// Longest description accepted (in characters); longer ones are refused, never cut silently.
    public var maxDescriptionLength = 20_000
    /// Longest free-text field other than the description.
    public var maxTextLength = 1_000

    public init() {}

    /// Every problem with `request`; empty when it can be accepted.
    public func problems(in request: JSONValue) -> [FieldError] {
        var problems = Problems()
        guard case .object(let root) = request else {
            problems.add(.root, "expected a JSON object (a service request), found \(request.typeName)")
            return problems.list
        }
        var isNative = false
        if let schema = root["schema"] {
            if schema.stringValue == Self.schema {
                isNative = true
            } else {
                problems.add(.root / "schema", "unknown schema \(Self.describe(schema)) (this hub reads \"\(Self.schema)\")")
            }
        }
        switch root["service_code"] {
        case nil, .null?:
            problems.add(.root / "service_code", "service_code is required")
        case .string(let code)?:
            if !Self.isCode(code) {
                problems.add(
                    .root / "service_code",
                    "\(Self.describe(.string(code))) is not a service code (1 to 64 letters, digits, \"_\", \"-\" or \".\")")
            }
        case let other?:
            problems.add(.root / "service_code", "expected a string, found \(other.typeName)")
        }
        if let source = object(root, "source", at: .root, into: &problems) {
            text(source, "system", at: .root / "source", maxLength: 128, into: &problems)
            text(source, "channel", at: .root / "source", maxLength: 64, into: &problems)
            if case .string(let reference)? = source["reference"] {
                if let reason = Self.referenceProblem(reference) {
                    problems.add(.root / "source" / "reference", reason)
                }
            } else {
                text(source, "reference", at: .root / "source", maxLength: 128, into: &problems)
            }
        }
        if isNative { checkNativeFields(root, into: &problems) }
        return problems.list
    }

    /// The typed fields of the native request format.
    private func checkNativeFields(_ root: JSONObject, into problems: inout Problems) {
        text(root, "recipient", at: .root, maxLength: 64, into: &problems)
        text(root, "category", at: .root, maxLength: maxTextLength, into: &problems)
        text(root, "group", at: .root, maxLength: maxTextLength, into: &problems)
        text(root, "description", at: .root, maxLength: maxDescriptionLength, into: &problems)
        if let location = object(root, "location", at: .root, into: &problems) {
            let path = ValuePath.root / "location"
            number(location, "lat", at: path, range: -90...90, into: &problems)
            number(location, "long", at: path, range: -180...180, into: &problems)
            text(location, "postcode", at: path, maxLength: 16, into: &problems)
            text(location, "usrn", at: path, maxLength: 32, into: &problems)
            text(location, "uprn", at: path, maxLength: 32, into: &problems)
            if let lines = location["address_lines"], !lines.isNull {
                if case .array(let items) = lines {
                    for (index, item) in items.enumerated() where item.stringValue == nil {
                        problems.add(path / "address_lines" / index, "expected a string, found \(item.typeName)")
                    }
                } else {
                    problems.add(path / "address_lines", "expected an array of strings, found \(lines.typeName)")
                }
            }
        }
        if let reporter = object(root, "reporter", at: .root, into: &problems) {
            for field in ["first_name", "last_name", "email", "phone", "contact_preference"] {
                text(reporter, field, at: .root / "reporter", maxLength: 256, into: &problems)
            }
        }
        if let attributes = object(root, "attributes", at: .root, into: &problems) {
            for member in attributes.members {
                switch member.value {
                case .object, .array:
                    problems.add(
                        .root / "attributes" / member.key,
                        "expected a string, number, boolean or null, found \(member.value.typeName)")
                default:
                    break
                }
            }
        }
        if let photos = root["photos"], !photos.isNull {
            if case .array(let items) = photos {
                for (index, item) in items.enumerated() {
                    let path = ValuePath.root / "photos" / index
                    guard case .object(let photo) = item else {
                        problems.add(path, "expected an object with a \"url\", found \(item.typeName)")
                        continue
                    }
                    switch photo["url"] {
                    case .string(let url)?:
                        if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                            problems.add(path / "url", "expected an http or https URL")
                        }
                    case nil, .null?:
                        problems.add(path / "url", "url is required")
                    case let other?:
                        problems.add(path / "url", "expected a string, found \(other.typeName)")
                    }
                }
            } else {
                problems.add(.root / "photos", "expected an array of photos, found \(photos.typeName)")
            }
        }
        if let submitted = root["submitted_at"], !submitted.isNull {
            if case .string(let text) = submitted {
                do {
                    let parsed = try ParsedDateTime(iso8601: text)
                    if parsed.utcOffset == nil {
                        problems.add(.root / "submitted_at", "\"\(text)\" has no UTC offset (e.g. 2026-10-14T08:47:12+01:00)")
                    }
                } catch {
                    problems.add(.root / "submitted_at", "\"\(text)\" is not an ISO 8601 date-time: \(error.reason)")
                }
            } else {
                problems.add(.root / "submitted_at", "expected an ISO 8601 date-time string, found \(submitted.typeName)")
            }
        }
    }

    /// Why a sender's reference cannot be accepted, or nil. References end up in file names and URLs of
    /// back-office systems, so anything that could climb out of a folder or break a line is refused.
    public static func referenceProblem(_ reference: String) -> String? {
        if reference.isEmpty { return "must not be empty" }
        if reference.count > 128 { return "is too long (\(reference.count) characters; at most 128)" }
        if reference.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            return "must not contain control characters"
        }
        let segments = reference.split(separator: "/", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "\\", omittingEmptySubsequences: false) }
        if segments.contains(where: { $0 == ".." || $0 == "." }) {
            return "\"\(reference)\" is not a reference: \".\" and \"..\" path segments are not allowed"
        }
        if reference.hasPrefix("/") || reference.hasPrefix("\\") {
            return "\"\(reference)\" is not a reference: it must not start with a slash"
        }
        return nil
    }

    static func isCode(_ code: String) -> Bool {
        !code.isEmpty && code.utf8.count <= 64
            && code.utf8.allSatisfy { byte in
                (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            }
    }

    /// A value quoted for a message, shortened so a huge value never floods a response or a log.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text):
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "\"\(shown)\""
        case .number(let number): return number.text
        default: return value.typeName
        }
    }

    private func object(_ parent: JSONObject, _ key: String, at path: ValuePath, into problems: inout Problems) -> JSONObject? {
        switch parent[key] {
        case nil, .null?: return nil
        case .object(let object)?: return object
        case let other?:
            problems.add(path / key, "expected an object, found \(other.typeName)")
            return nil
        }
    }

    private func text(_ parent: JSONObject, _ key: String, at path: ValuePath, maxLength: Int, into problems: inout Problems) {
        switch parent[key] {
        case nil, .null?: return
        case .string(let text)?:
            if text.count > maxLength {
                problems.add(path / key, "\(key) too long (\(text.count) characters; at most \(maxLength))")
            }
        case let other?:
            problems.add(path / key, "expected a string, found \(other.typeName)")
        }
    }

    private func number(
        _ parent: JSONObject, _ key: String, at path: ValuePath, range: ClosedRange<Double>, into problems: inout Problems
    ) {
        switch parent[key] {
        case nil, .null?: return
        case .number(let number)?:
            if !range.contains(number.doubleValue) {
                problems.add(path / key, "\(number.text) is out of range (\(range.lowerBound) to \(range.upperBound))")
            }
        case let other?:
            problems.add(path / key, "expected a number, found \(other.typeName) \(Self.describe(other))")
        }
    }

    /// The problems found so far, in the order fields were checked.
    private struct Problems {
        var list: [FieldError] = []

        mutating func add(_ path: ValuePath, _ message: String) {
            list.append(FieldError(field: path.components.isEmpty ? "/" : path.jsonPointer, message: message))
        }
    }
}
