import CasewayMapping
import CasewayStore

/// Takes a case in: checks it, stores it durably and answers only once it is on disk.
///
/// Used by the HTTP API and, later, by every other front door (file drops, Open311), so each gets the
/// same checks, the same idempotency and the same durability.
public struct CaseIntake: Sendable {
    public let store: Store
    public let settings: IntakeSettings
    public let clock: any Clock
    public let ids: RecordIDGenerator
    public let validator: ServiceRequestValidator

    public init(
        store: Store, settings: IntakeSettings, clock: any Clock = SystemClock(), ids: RecordIDGenerator = .shared,
        validator: ServiceRequestValidator = ServiceRequestValidator()
    ) {
        self.store = store
        self.settings = settings
        self.clock = clock
        self.ids = ids
        self.validator = validator
    }

    /// Longest `Idempotency-Key` accepted; keys are stored, so their size is bounded.
    public static let maxIdempotencyKeyLength = 255

    /// Checks and stores `submission`; returns once the case is committed, or throws why it was refused.
    public func submit(_ submission: CaseSubmission) async throws(CaseIntakeError) -> CaseIntakeOutcome {
        let key = try Self.checkedIdempotencyKey(submission.idempotencyKey)
        let (mediaType, senderReference) = try check(submission)
        let now = clock.now()
        let record = CaseRecord(
            id: ids.next(at: now), receivedAt: now, client: submission.client, contentType: mediaType.description,
            senderReference: senderReference, body: submission.body)
        let outcome: Result<CaseIntakeOutcome, CaseIntakeError>
        do {
            // The key lookup and the insert run in one write: the single writer makes them atomic, so two
            // concurrent retries of the same submission can never both create a case.
            outcome = try await store.write { connection -> Result<CaseIntakeOutcome, CaseIntakeError> in
                if let key, let existing = try connection.idempotencyKey(client: record.client, key: key) {
                    guard existing.bodySHA256 == record.bodySHA256 else {
                        return .failure(.idempotencyKeyReused(caseID: existing.caseID))
                    }
                    guard let first = try connection.fetchCase(id: existing.caseID) else {
                        return .failure(.storeUnavailable("idempotency key \(key) points to a missing case \(existing.caseID)"))
                    }
                    return .success(.repeated(first))
                }
                try connection.insertCase(record, idempotencyKey: key)
                return .success(.accepted(record))
            }
        } catch {
            throw .storeUnavailable("\(error)")
        }
        return try outcome.get()
    }

    /// Every check a submission's body goes through, without storing anything: the media type and the
    /// sender's reference of a body that passed, or why it was refused. Pure, so fuzzers can drive it.
    public func check(_ submission: CaseSubmission) throws(CaseIntakeError) -> (MediaType, String?) {
        guard let text = submission.contentType, let mediaType = MediaType(text) else {
            throw .unsupportedMediaType("a Content-Type of application/json or application/xml is required")
        }
        if let charset = mediaType.charset, charset != "utf-8", charset != "utf8" {
            throw .unsupportedMediaType("charset \(charset) is not supported; send UTF-8")
        }
        if mediaType.isJSON {
            return (mediaType, try readJSON(submission.body))
        }
        if mediaType.isXML {
            return (mediaType, try readXML(submission.body))
        }
        throw .unsupportedMediaType("\(mediaType.essence) is not supported; send application/json or application/xml")
    }

    private func readJSON(_ body: [UInt8]) throws(CaseIntakeError) -> String? {
        let value: JSONValue
        do {
            value = try JSONParser(dialect: .json, maxDepth: settings.maxDepth).parse(body).value
        } catch {
            let location = "line \(error.location.line), column \(error.location.column) (byte \(error.location.offset))"
            if error.kind == .unexpectedEnd {
                throw .malformed("\(error.message) at \(location)")
            }
            throw .malformed("malformed JSON at \(location): \(error.message)")
        }
        let problems = validator.problems(in: value)
        guard problems.isEmpty else { throw .invalid(problems) }
        return value["source"]?["reference"]?.stringValue
    }

    private func readXML(_ body: [UInt8]) throws(CaseIntakeError) -> String? {
        var options = XMLDocument.Options()
        options.maxDepth = settings.maxDepth
        let document: XMLDocument
        do {
            document = try XMLDocument(parsing: body, sourceName: "body", options: options)
        } catch let error as XMLError {
            throw .malformed("malformed XML: \(error.description)")
        } catch {
            throw .malformed("malformed XML: \(error)")
        }
        guard let expression = settings.xmlSenderReference else { return nil }
        let reference: String?
        do {
            switch try expression.evaluate(in: document) {
            case .string(let text): reference = text
            case .nodes(let nodes): reference = nodes.first?.textContent
            case .number, .boolean: reference = nil
            }
        } catch {
            throw .malformed("the sender's reference could not be read (\(expression.source)): \(error)")
        }
        guard let reference, !reference.isEmpty else { return nil }
        if let problem = ServiceRequestValidator.referenceProblem(reference) {
            throw .invalid([FieldError(field: expression.source, message: problem)])
        }
        return reference
    }

    private static func checkedIdempotencyKey(_ key: String?) throws(CaseIntakeError) -> String? {
        guard let key else { return nil }
        guard !key.isEmpty, key.utf8.count <= maxIdempotencyKeyLength else {
            throw .invalidIdempotencyKey("Idempotency-Key must be 1 to \(maxIdempotencyKeyLength) bytes")
        }
        guard key.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value <= 0x7e }) else {
            throw .invalidIdempotencyKey("Idempotency-Key must be printable ASCII without spaces")
        }
        return key
    }
}
