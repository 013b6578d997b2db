import CasewayMapping
import CasewayStore

/// The checks an update body goes through before it may be stored: media type, well-formedness, each
/// field's type and length, the offset on `updated_at` and the status vocabulary.
///
/// Needs no store, so every problem in a body is reported in one answer before any lookup is made. The
/// field rules are the same whichever way an update comes: a JSON body, XML through the client's update
/// mapping, or the status a queue consumer gives with an ack.
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
    /// The fields an ack's body may carry: an update's, but its id, which the hub derives from the delivery.
    public static let acknowledgementFields = fields.filter { $0 != "update_id" }

    /// The checked fields of a body sent with `contentType`, or why it was refused (every field at fault at
    /// once). XML is read through `mapping` (the client's `update_mapping`), whose JSON output is then
    /// checked exactly like a JSON body; `variables` are what that mapping may read (`case_id`, `client`).
    public func check(contentType: String?, body: [UInt8], mapping: Mapping? = nil,
                      variables: [String: String] = [:]) throws(UpdateIntakeError) -> CheckedUpdate {
        guard let text = contentType, let mediaType = MediaType(text), mediaType.isJSON || mediaType.isXML else {
            throw .unsupportedMediaType(
                mapping == nil ? "a Content-Type of application/json is required"
                    : "a Content-Type of application/json or application/xml is required")
        }
        if let charset = mediaType.charset, charset != "utf-8", charset != "utf8" {
            throw .unsupportedMediaType("charset \(charset) is not supported; send UTF-8")
        }
        let object = mediaType.isXML ? try mapXML(body, through: mapping, variables: variables) : try parseJSON(body)
        var reader = UpdateFieldReader(object, allowed: Self.fields, field: { "/" + $0 })
        let updateID = reader.updateID()
        let status = reader.status(required: true)
        let optional = reader.optionalFields()
        let updatedAt = reader.updatedAt(required: true)
        guard reader.isClean, let updateID, let status, let updatedAt else { throw reader.refusal() }
        return CheckedUpdate(
            updateID: updateID, status: status, externalStatusCode: optional.externalStatusCode,
            description: optional.description, updatedAt: updatedAt.text, updatedAtInstant: updatedAt.instant,
            reference: optional.reference)
    }

    /// The update an ack's body asks for, under `updateID`: nil when it asks for none (neither `status` nor
    /// `reference`). A reference alone means the case is `open` with the consumer; without `updated_at` the
    /// update is from `now`. Only the update's members are read (the caller checks for unknown ones); each
    /// is named by `field` in errors.
    public func acknowledgement(_ object: JSONObject, updateID: String, now: Timestamp,
                                field: @escaping (String) -> String = { $0 }) throws(UpdateIntakeError) -> CheckedUpdate? {
        var reader = UpdateFieldReader(object, allowed: nil, field: field)
        let hasStatus = reader.hasValue("status")
        let status = hasStatus ? reader.status(required: true) : UpdateStatus.open
        let optional = reader.optionalFields()
        let updatedAt = reader.updatedAt(required: false)
        let asksForUpdate = hasStatus || reader.hasValue("reference")
        if !asksForUpdate, ["description", "external_status_code", "updated_at"].contains(where: reader.hasValue) {
            reader.errors.append(FieldError(
                field: field("status"), message: "is required with description, external_status_code or updated_at (or give a reference)"))
        }
        guard reader.isClean, let status else { throw reader.refusal() }
        guard asksForUpdate else { return nil }
        return CheckedUpdate(
            updateID: updateID, status: status, externalStatusCode: optional.externalStatusCode,
            description: optional.description, updatedAt: updatedAt?.text ?? now.description,
            updatedAtInstant: updatedAt?.instant ?? now, reference: optional.reference)
    }

    private func parseJSON(_ body: [UInt8]) throws(UpdateIntakeError) -> JSONObject {
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
        return object
    }

    /// Parses `body` as the case intake parses XML (no DTD, so no entity is expanded or fetched; depth and
    /// size bounded), then maps it: a body that is not XML is 400, one the mapping cannot map 422.
    private func mapXML(_ body: [UInt8], through mapping: Mapping?,
                        variables: [String: String]) throws(UpdateIntakeError) -> JSONObject {
        guard let mapping else {
            throw .unsupportedMediaType(
                "this client has no update_mapping, so its updates are read as JSON only: send application/json, or"
                    + " ask the hub's operator to name a mapping (input xml, output json) as the client's update_mapping"
                    + " in caseway.json5 (docs/configuration.md)")
        }
        let document: XMLDocument
        do {
            var options = XMLDocument.Options()
            options.maxDepth = maxDepth
            document = try XMLDocument(parsing: body, sourceName: "body", options: options)
        } catch let error as XMLError {
            throw .malformed("malformed XML: \(error.description)")
        } catch {
            throw .malformed("malformed XML: \(error)")
        }
        let output: [UInt8]
        do {
            output = try mapping.run(document, variables: variables)
        } catch {
            throw .unmappable(mapping: mapping.name, error.problems.map {
                FieldError(field: $0.source ?? $0.target, message: "\($0.target): \($0.message)")
            })
        }
        // The mapping wrote this JSON itself; a mapping whose output is not an object is the integrator's fault.
        guard let object = (try? JSONValue(parsing: output))?.objectValue else {
            throw .unmappable(mapping: mapping.name, [FieldError(field: "/", message: "the mapping's output is not a JSON object")])
        }
        return object
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
