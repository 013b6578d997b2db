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

    /// Every check a submission's body goes through, without storing anything: the media type and the
    /// sender's reference of a body that passed, or why it was refused.
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
}
