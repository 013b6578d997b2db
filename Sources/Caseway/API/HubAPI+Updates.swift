import CasewayHTTP
import CasewayMapping
import CasewayStore

extension HubAPI {
    var updateFeed: UpdateFeed { UpdateFeed(store: store) }

    /// An update body is a handful of short fields; a 4000-character description is its largest part.
    static let updateBodyLimit = 64 * 1024

    func addUpdateRoutes(to router: inout Router, bodyLimit: Int) {
        router.add(.post, "/v1/cases/{id}/updates", bodyLimit: min(bodyLimit, Self.updateBodyLimit)) { request in
            await logged(request) { await submitUpdate(request) }
        }
        router.add(.get, "/v1/updates") { request in await logged(request) { await listUpdates(request) } }
    }

    /// `POST /v1/cases/{id}/updates`: 202 once the update is on disk, 200 for an identical repeat.
    func submitUpdate(_ request: HTTPRequest) async -> APIResponse {
        let client: ClientConfiguration
        switch authorize(request, Scope.update) {
        case .allowed(let found): client = found
        case .refused(let refusal): return refusal
        }
        let text = request.pathParameters["id"] ?? ""
        guard let caseID = RecordID(text) else {
            return APIResponse(Problem.notFound("\"\(text.prefix(64))\" is not a case id"), client: client.name)
        }
        let submission = UpdateSubmission(
            client: client.name, caseID: caseID, contentType: request.headers["Content-Type"], body: request.body)
        do {
            switch try await updateIntake.submit(submission) {
            case .accepted(let record):
                metrics.countUpdate()
                return APIResponse(updateStored(record, status: .accepted), client: client.name, caseID: caseID)
            case .repeated(let record):
                return APIResponse(updateStored(record, status: .ok), client: client.name, caseID: caseID)
            }
        } catch {
            return APIResponse(Self.refusal(error, log: log), client: client.name, caseID: caseID)
        }
    }

    /// `GET /v1/updates`: a page of the update feed. `receive` clients see the updates on the cases they
    /// submitted, `admin` sees every update.
    func listUpdates(_ request: HTTPRequest) async -> APIResponse {
        let client: ClientConfiguration
        switch authorize(request, nil) {
        case .allowed(let found): client = found
        case .refused(let refusal): return refusal
        }
        let everything = client.scopes.contains(.admin)
        guard everything || client.scopes.contains(.receive) else {
            return APIResponse(Problem.forbidden(client: client.name, anyOf: [.receive, .admin]), client: client.name)
        }
        let query: UpdateFeedQuery
        switch UpdateFeedQuery.parse(request.query) {
        case .success(let parsed): query = parsed
        case .failure(let invalid): return APIResponse(Problem.invalidQuery(invalid.errors), client: client.name)
        }
        let page: UpdateFeedPage
        do {
            page = try await updateFeed.page(after: query.since, limit: query.limit, client: everything ? nil : client.name)
        } catch {
            log.error("reading the update feed failed", ["error": .string("\(error)")])
            return APIResponse(Problem.unavailable("the store could not be read; try again"), client: client.name)
        }
        var object = JSONObject()
        object["updates"] = .array(page.updates.map(UpdateView.json))
        object["next_cursor"] = .string(page.next.description)
        return APIResponse(.json(JSONWriter().bytes(.object(object))), client: client.name)
    }

    private func updateStored(_ record: UpdateRecord, status: HTTPStatus) -> HTTPResponse {
        var response = HTTPResponse.json(JSONWriter().bytes(UpdateView.json(record)), status: status)
        // The update has no page of its own: it is shown, in its place, in the case's view.
        response.headers.add("Location", "/v1/cases/\(record.caseID.text)")
        return response
    }

    /// The problem+json answer for a refused update.
    static func refusal(_ error: UpdateIntakeError, log: HubLog) -> HTTPResponse {
        switch error {
        case .unsupportedMediaType(let detail):
            return Problem.unsupportedMediaType(detail)
        case .malformed(let detail):
            return Problem.badRequest(detail, type: "malformed-body")
        case .invalid(let errors):
            return Problem.invalidFields(errors)
        case .unknownStatus(let errors):
            return Problem.unknownStatus(errors)
        case .unmappable(let mapping, let errors):
            return Problem.unmappableUpdate(mapping: mapping, errors)
        case .unknownCase(let caseID):
            return Problem.notFound("no case \(caseID.text)")
        case .updateIDReused(let first):
            return Problem.conflict(
                "update_id \"\(first.senderUpdateID)\" was used for a different update (\(first.id.text) on case \(first.caseID.text))")
        case .storeUnavailable(let reason):
            log.error("storing an update failed", ["error": .string(reason)])
            return Problem.unavailable("the update could not be stored; nothing was kept, try again")
        }
    }
}
