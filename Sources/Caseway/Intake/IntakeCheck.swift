import CasewayMapping

/// The checks a submitted body goes through before it may become a case: media type, well-formedness,
/// validation and the sender's reference.
///
/// Separate from `CaseIntake` because it needs no store: the fuzzers (Fuzz/) and any front door that only
/// wants to know whether a body would be accepted can run it on its own.
public struct IntakeCheck: Sendable {
    public let settings: IntakeSettings
    public let validator: ServiceRequestValidator

    public init(settings: IntakeSettings, validator: ServiceRequestValidator = ServiceRequestValidator()) {
        self.settings = settings
        self.validator = validator
    }

    /// Every check a submission's body goes through, without storing anything: the media type, the
    /// sender's reference and the parsed body (for routing) of a body that passed, or why it was refused.
    public func check(_ submission: CaseSubmission) throws(CaseIntakeError) -> CheckedSubmission {
        guard let text = submission.contentType, let mediaType = MediaType(text) else {
            throw .unsupportedMediaType("a Content-Type of application/json or application/xml is required")
        }
        if let charset = mediaType.charset, charset != "utf-8", charset != "utf8" {
            throw .unsupportedMediaType("charset \(charset) is not supported; send UTF-8")
        }
        let read: (reference: String?, body: CaseDocument.Body)
        if mediaType.isJSON {
            read = try readJSON(submission.body)
        } else if mediaType.isXML {
            read = try readXML(submission.body)
        } else {
            throw .unsupportedMediaType("\(mediaType.essence) is not supported; send application/json or application/xml")
        }
        let document = CaseDocument(
            client: submission.client, contentType: mediaType.description, senderReference: read.reference, body: read.body)
        return CheckedSubmission(mediaType: mediaType, senderReference: read.reference, document: document)
    }

    private func readJSON(_ body: [UInt8]) throws(CaseIntakeError) -> (reference: String?, body: CaseDocument.Body) {
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
        return (value["source"]?["reference"]?.stringValue, .json(value))
    }

    private func readXML(_ body: [UInt8]) throws(CaseIntakeError) -> (reference: String?, body: CaseDocument.Body) {
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
        guard let expression = settings.xmlSenderReference else { return (nil, .xml(document)) }
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
        guard let reference, !reference.isEmpty else { return (nil, .xml(document)) }
        if let problem = ServiceRequestValidator.referenceProblem(reference) {
            throw .invalid([FieldError(field: expression.source, message: problem)])
        }
        return (reference, .xml(document))
    }
}
