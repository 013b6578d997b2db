import CasewayMapping
import CasewayStore

/// The checks an update body goes through before it may be stored: media type, well-formedness, each
/// field's type and length, the offset on `updated_at` and the status vocabulary.
///
/// Needs no store, so every problem in a body is reported in one answer before any lookup is made.
public struct UpdateCheck: Sendable {
    /// Deepest nesting accepted; an update body is flat, so anything deep is refused early.
    public let maxDepth: Int

    public init(maxDepth: Int = 16) {
        self.maxDepth = maxDepth
    }

    /// Field limits, in characters: stored values are bounded, and each is what a back office needs.
    public static let maxUpdateIDLength = 255
    public static let maxExternalStatusCodeLength = 100
    public static let maxDescriptionLength = 4000
    public static let maxReferenceLength = 255

    /// The fields an update body may have; any other is refused so a typo never loses data silently.
    public static let fields = ["update_id", "status", "external_status_code", "description", "updated_at", "reference"]

    /// The checked fields of a body sent with `contentType`, or why it was refused (every field at fault at once).
    public func check(contentType: String?, body: [UInt8]) throws(UpdateIntakeError) -> CheckedUpdate {
        guard let text = contentType, let mediaType = MediaType(text), mediaType.isJSON else {
            throw .unsupportedMediaType("a Content-Type of application/json is required")
        }
        if let charset = mediaType.charset, charset != "utf-8", charset != "utf8" {
            throw .unsupportedMediaType("charset \(charset) is not supported; send UTF-8")
        }
        let value: JSONValue
        do {
            value = try JSONParser(dialect: .json, maxDepth: maxDepth).parse(body).value
        } catch {
            let location = "line \(error.location.line), column \(error.location.column) (byte \(error.location.offset))"
            throw .malformed("malformed JSON at \(location): \(error.message)")
        }
        guard let object = value.objectValue else {
            throw .invalid([FieldError(field: "/", message: "must be a JSON object, not \(value.typeName)")])
        }
        return try check(object)
    }

    private func check(_ object: JSONObject) throws(UpdateIntakeError) -> CheckedUpdate {
        var errors: [FieldError] = []
        for member in object.members where !Self.fields.contains(member.key) {
            errors.append(FieldError(
                field: "/" + member.key, message: "is not a field of an update; expected \(Self.fields.joined(separator: ", "))"))
        }
        // The parser refuses repeated keys, so keeping the first is never a choice between two values.
        let fields = Dictionary(object.members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })

        func text(_ name: String, required: Bool, maxLength: Int) -> String? {
            guard let value = fields[name], !value.isNull else {
                if required { errors.append(FieldError(field: "/" + name, message: "is required")) }
                return nil
            }
            guard let string = value.stringValue else {
                errors.append(FieldError(field: "/" + name, message: "must be a string, not \(value.typeName)"))
                return nil
            }
            if string.isEmpty {
                // Many back offices send "" for a field they have no value for; that is absence, not an error.
                if required { errors.append(FieldError(field: "/" + name, message: "must not be empty")) }
                return nil
            }
            if string.count > maxLength {
                errors.append(FieldError(
                    field: "/" + name, message: "is too long (\(string.count) characters; at most \(maxLength))"))
                return nil
            }
            return string
        }

        let updateID = text("update_id", required: true, maxLength: Self.maxUpdateIDLength)
        if let updateID, !updateID.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value <= 0x7e }) {
            errors.append(FieldError(field: "/update_id", message: "must be printable ASCII"))
        }
        let statusText = text("status", required: true, maxLength: 64)
        let externalStatusCode = text("external_status_code", required: false, maxLength: Self.maxExternalStatusCodeLength)
        let description = text("description", required: false, maxLength: Self.maxDescriptionLength)
        let reference = text("reference", required: false, maxLength: Self.maxReferenceLength)
        if let reference, reference.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            errors.append(FieldError(field: "/reference", message: "must not contain control characters"))
        }
        let updatedAt = text("updated_at", required: true, maxLength: 64)
        var instant: Timestamp?
        if let updatedAt {
            switch Self.instant(updatedAt) {
            case .success(let found): instant = found
            case .failure(let problem): errors.append(FieldError(field: "/updated_at", message: problem.message))
            }
        }
        let status = statusText.flatMap(UpdateStatus.init(rawValue:))
        let statusProblem = statusText.map { "\"\($0)\" is not a status; use one of: \(UpdateStatus.allowedList)" }
        guard errors.isEmpty else {
            // Reported with the other faults so the sender fixes them all in one round.
            if status == nil, let statusProblem { errors.append(FieldError(field: "/status", message: statusProblem)) }
            throw .invalid(errors)
        }
        guard let updateID, let updatedAt, let instant, let status else {
            throw .unknownStatus(statusProblem ?? "use one of: \(UpdateStatus.allowedList)")
        }
        return CheckedUpdate(
            updateID: updateID, status: status, externalStatusCode: externalStatusCode, description: description,
            updatedAt: updatedAt, updatedAtInstant: instant, reference: reference)
    }

    /// Why a time was refused, in words for the sender.
    struct TimeProblem: Error {
        var message: String
    }

    /// `text` as a point in time; it must carry an offset, since a bare local time is ambiguous across
    /// the back office's and the hub's zones (and twice a year within one zone).
    static func instant(_ text: String) -> Result<Timestamp, TimeProblem> {
        let parsed: ParsedDateTime
        do {
            parsed = try ParsedDateTime(iso8601: text)
        } catch {
            return .failure(TimeProblem(message: "\"\(text)\" \(error.reason)"))
        }
        guard let offset = parsed.utcOffset else {
            return .failure(TimeProblem(
                message: "\"\(text)\" has no offset; send an ISO 8601 date-time with Z or an offset such as +01:00"))
        }
        let instant = parsed.local.instant(utcOffset: offset)
        let milliseconds = Int64(instant.secondsSince1970) * 1000 + Int64(instant.nanoseconds / 1_000_000)
        return .success(Timestamp(millisecondsSinceEpoch: milliseconds))
    }
}
