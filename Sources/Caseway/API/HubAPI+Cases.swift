import CasewayHTTP
import CasewayMapping
import CasewayStore

extension HubAPI {
    /// `POST /v1/cases`: 202 once the case is on disk, 200 for a repeat under the same idempotency key.
    func submitCase(_ request: HTTPRequest) async -> APIResponse {
        let client: ClientConfiguration
        switch authorize(request, Scope.submit) {
        case .allowed(let found): client = found
        case .refused(let refusal): return refusal
        }
        let submission = CaseSubmission(
            client: client.name, contentType: request.headers["Content-Type"], body: request.body,
            idempotencyKey: request.headers["Idempotency-Key"])
        do {
            switch try await intake.submit(submission) {
            case .accepted(let record, let deliveries):
                metrics.countCase(repeated: false)
                return APIResponse(caseCreated(record, deliveries, status: .accepted), client: client.name, caseID: record.id)
            case .repeated(let record, let deliveries):
                metrics.countCase(repeated: true)
                return APIResponse(caseCreated(record, deliveries, status: .ok), client: client.name, caseID: record.id)
            }
        } catch {
            return APIResponse(Self.refusal(error, log: log), client: client.name)
        }
    }

    /// `GET /v1/cases/{id}`: the case with its deliveries, updates and timeline; a client sees its own cases, `admin` sees all.
    func fetchCase(_ request: HTTPRequest) async -> APIResponse {
        let client: ClientConfiguration
        switch authorize(request, nil) {
        case .allowed(let found): client = found
        case .refused(let refusal): return refusal
        }
        let text = request.pathParameters["id"] ?? ""
        guard let id = RecordID(text) else {
            return APIResponse(Problem.notFound("\"\(text.prefix(64))\" is not a case id"), client: client.name)
        }
        let found: (CaseRecord, [DeliveryRecord], [RecordID: [AttemptRecord]], [UpdateRecord])?
        do {
            found = try await store.read { connection in
                guard let record = try connection.fetchCase(id: id) else { return nil }
                let deliveries = try connection.deliveries(caseID: id)
                var attempts: [RecordID: [AttemptRecord]] = [:]
                for delivery in deliveries where delivery.attemptCount > 0 {
                    attempts[delivery.id] = try connection.attempts(deliveryID: delivery.id)
                }
                return (record, deliveries, attempts, try connection.updates(caseID: id))
            }
        } catch {
            log.error("reading a case failed", ["case_id": .string(id.text), "error": .string("\(error)")])
            return APIResponse(Problem.unavailable("the store could not be read; try again"), client: client.name)
        }
        // Another client's case is reported as absent, so ids reveal nothing across front offices.
        guard let (record, deliveries, attempts, updates) = found, record.client == client.name || client.scopes.contains(.admin) else {
            return APIResponse(Problem.notFound("no case \(id.text)"), client: client.name)
        }
        let view = CaseView(record: record, deliveries: deliveries, attempts: attempts, updates: updates)
        return APIResponse(.json(JSONWriter().bytes(view.json)), client: client.name, caseID: id)
    }

    private func caseCreated(_ record: CaseRecord, _ deliveries: [DeliveryRecord], status: HTTPStatus) -> HTTPResponse {
        var response = HTTPResponse.json(JSONWriter().bytes(CaseView(record: record, deliveries: deliveries).summary), status: status)
        response.headers.add("Location", "/v1/cases/\(record.id.text)")
        return response
    }

    /// The problem+json answer for a refused submission.
    static func refusal(_ error: CaseIntakeError, log: HubLog) -> HTTPResponse {
        switch error {
        case .unsupportedMediaType(let detail):
            return Problem.unsupportedMediaType(detail)
        case .malformed(let detail):
            return Problem.badRequest(detail, type: "malformed-body")
        case .invalid(let errors):
            return Problem.invalidFields(errors)
        case .invalidIdempotencyKey(let detail):
            return Problem.badRequest(detail, errors: [FieldError(field: "Idempotency-Key", message: detail)])
        case .idempotencyKeyReused(let caseID):
            return Problem.conflict(
                "this Idempotency-Key was used for a different request, which became case \(caseID.text)")
        case .storeUnavailable(let reason):
            log.error("storing a case failed", ["error": .string(reason)])
            return Problem.unavailable("the case could not be stored; nothing was kept, try again")
        }
    }
}
