import CasewayMapping
import CasewayStore

/// Reads one update's fields from a JSON object by the rules every update follows (a JSON body, a mapped XML
/// body, an ack's status), collecting every fault so that the sender fixes them all in one round.
struct UpdateFieldReader {
    private let fields: [String: JSONValue]
    /// How a member is named in errors: a JSON Pointer (`/status`) for update bodies, the bare name for
    /// queue bodies, whose other members are named that way.
    private let field: (String) -> String
    var errors: [FieldError] = []
    /// Why `status` is not a word of the vocabulary, when it is not.
    private var statusProblem: FieldError?

    /// A reader of `object`; with `allowed`, every other member is a fault.
    init(_ object: JSONObject, allowed: [String]?, field: @escaping (String) -> String) {
        self.field = field
        if let allowed {
            for member in object.members where !allowed.contains(member.key) {
                errors.append(FieldError(
                    field: field(member.key), message: "is not a field of an update; expected \(allowed.joined(separator: ", "))"))
            }
        }
        // The parsers refuse repeated keys, so keeping the first is never a choice between two values.
        fields = Dictionary(object.members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// No fault found so far.
    var isClean: Bool { errors.isEmpty && statusProblem == nil }

    /// The refusal for the faults found: 400 listing each field (an unknown status among them), or 422 when
    /// the status is the only fault.
    func refusal() -> UpdateIntakeError {
        if errors.isEmpty, let statusProblem { return .unknownStatus([statusProblem]) }
        return .invalid(errors + (statusProblem.map { [$0] } ?? []))
    }

    /// A text member: nil when absent, `null` or `""` (many back offices send "" for a field they have no
    /// value for: that is absence, not an error), or at fault.
    mutating func text(_ name: String, required: Bool, maxLength: Int) -> String? {
        guard let value = fields[name], !value.isNull else {
            if required { errors.append(FieldError(field: field(name), message: "is required")) }
            return nil
        }
        guard let string = value.stringValue else {
            errors.append(FieldError(field: field(name), message: "must be a string, not \(value.typeName)"))
            return nil
        }
        if string.isEmpty {
            if required { errors.append(FieldError(field: field(name), message: "must not be empty")) }
            return nil
        }
        if string.count > maxLength {
            errors.append(FieldError(
                field: field(name), message: "is too long (\(string.count) characters; at most \(maxLength))"))
            return nil
        }
        return string
    }

    /// `update_id`: required, printable ASCII.
    mutating func updateID() -> String? {
        guard let updateID = text("update_id", required: true, maxLength: UpdateCheck.maxUpdateIDLength) else { return nil }
        guard updateID.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value <= 0x7e }) else {
            errors.append(FieldError(field: field("update_id"), message: "must be printable ASCII"))
            return nil
        }
        return updateID
    }

    /// `status`, a word of the vocabulary.
    mutating func status(required: Bool) -> UpdateStatus? {
        guard let text = text("status", required: required, maxLength: 64) else { return nil }
        guard let status = UpdateStatus(rawValue: text) else {
            statusProblem = FieldError(
                field: field("status"), message: "\"\(text)\" is not a status; use one of: \(UpdateStatus.allowedList)")
            return nil
        }
        return status
    }

    /// Whether member `name` was given a value (not absent, `null` or `""`).
    func hasValue(_ name: String) -> Bool {
        guard let value = fields[name], !value.isNull else { return false }
        return value.stringValue != ""
    }

    /// `external_status_code`, `description` and `reference`, each optional and bounded.
    mutating func optionalFields() -> (externalStatusCode: String?, description: String?, reference: String?) {
        let externalStatusCode = text("external_status_code", required: false, maxLength: UpdateCheck.maxExternalStatusCodeLength)
        let description = text("description", required: false, maxLength: UpdateCheck.maxDescriptionLength)
        var reference = text("reference", required: false, maxLength: UpdateCheck.maxReferenceLength)
        if let found = reference, found.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            errors.append(FieldError(field: field("reference"), message: "must not contain control characters"))
            reference = nil
        }
        return (externalStatusCode, description, reference)
    }

    /// `updated_at`, as written and as a point in time; it must carry an offset.
    mutating func updatedAt(required: Bool) -> (text: String, instant: Timestamp)? {
        guard let text = text("updated_at", required: required, maxLength: 64) else { return nil }
        switch UpdateCheck.instant(text) {
        case .success(let instant): return (text, instant)
        case .failure(let problem):
            errors.append(FieldError(field: field("updated_at"), message: problem.message))
            return nil
        }
    }
}
