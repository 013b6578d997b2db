import CasewayHTTP
import CasewayMapping
import CasewayStore

extension HubAPI {
    /// Registers `/v1/dead-letters` (admin scope; docs/api.md).
    func addDeadLetterRoutes(to router: inout Router) {
        router.add(.get, "/v1/dead-letters") { request in await logged(request) { await listDeadLetters(request) } }
        router.add(.post, "/v1/dead-letters/replay") { request in await logged(request) { await replayDeadLetters(request) } }
        router.add(.get, "/v1/dead-letters/{id}") { request in await logged(request) { await showDeadLetter(request) } }
        router.add(.post, "/v1/dead-letters/{id}/replay") { request in await logged(request) { await replayDeadLetter(request) } }
        router.add(.delete, "/v1/dead-letters/{id}") { request in await logged(request) { await discardDeadLetter(request) } }
    }

    /// `GET /v1/dead-letters`: a page of open dead letters, oldest first.
    func listDeadLetters(_ request: HTTPRequest) async -> APIResponse {
        let client: String
        switch authorize(request, .admin) {
        case .allowed(let found): client = found.name
        case .refused(let refusal): return refusal
        }
        let query: DeadLetterListQuery
        switch DeadLetterListQuery.parse(request.query) {
        case .success(let parsed): query = parsed
        case .failure(let invalid): return APIResponse(Problem.invalidQuery(invalid.errors), client: client)
        }
        do {
            let page = try await deadLetters.list(filter: query.filter, after: query.cursor, limit: query.limit)
            return APIResponse(.json(JSONWriter().bytes(page.json)), client: client)
        } catch {
            return storeFailed("listing dead letters", error, client: client)
        }
    }

    /// `GET /v1/dead-letters/{id}`: one open dead letter with its history and both payloads.
    func showDeadLetter(_ request: HTTPRequest) async -> APIResponse {
        let client: String
        switch authorize(request, .admin) {
        case .allowed(let found): client = found.name
        case .refused(let refusal): return refusal
        }
        guard let id = deadLetterID(request) else { return notADeadLetter(request, client: client) }
        do {
            guard let detail = try await deadLetters.show(id: id) else { return notADeadLetter(request, client: client) }
            return APIResponse(.json(JSONWriter().bytes(detail.json)), client: client, caseID: detail.caseRecord.id)
        } catch {
            return storeFailed("reading a dead letter", error, client: client)
        }
    }

    /// `POST /v1/dead-letters/{id}/replay`: 202 with the new delivery (or deliveries, for a `no_route` case).
    func replayDeadLetter(_ request: HTTPRequest) async -> APIResponse {
        let client: String
        switch authorize(request, .admin) {
        case .allowed(let found): client = found.name
        case .refused(let refusal): return refusal
        }
        guard let id = deadLetterID(request) else { return notADeadLetter(request, client: client) }
        let report: DeadLetterReplayReport
        do {
            report = try await deadLetters.replay(ids: [id])
        } catch {
            return storeFailed("replaying a dead letter", error, client: client)
        }
        if let failure = report.failed.first {
            switch failure.reason {
            case DeadLetterReplayFailure.notOpen: return notADeadLetter(request, client: client)
            case DeadLetterReplayFailure.stillNoRoute: return APIResponse(Problem.conflict(failure.reason), client: client)
            default: return storeFailed("replaying a dead letter", failure, client: client)
            }
        }
        guard let replay = report.replayed.first else { return notADeadLetter(request, client: client) }
        log.info("dead letter replayed", [
            "client": .string(client), "dead_letter": .string(id.text),
            "deliveries": .array(replay.deliveries.map { .string($0.id.text) }),
        ])
        let body = JSONObject([
            "dead_letter": .string(id.text), "deliveries": .array(replay.deliveries.map { DeliveryView.json($0) }),
        ])
        return APIResponse(.json(JSONWriter().bytes(.object(body)), status: .accepted), client: client,
                           caseID: replay.deliveries.first?.caseID)
    }

    /// `POST /v1/dead-letters/replay` with `{"connector": name}` or `{"ids": [...]}`: 202 with what was replayed and what failed.
    func replayDeadLetters(_ request: HTTPRequest) async -> APIResponse {
        let client: String
        switch authorize(request, .admin) {
        case .allowed(let found): client = found.name
        case .refused(let refusal): return refusal
        }
        let replayRequest: DeadLetterReplayRequest
        switch DeadLetterReplayRequest.parse(request.body) {
        case .success(let parsed): replayRequest = parsed
        case .failure(let invalid):
            return APIResponse(Problem.invalidBody(invalid.errors), client: client)
        }
        let report: DeadLetterReplayReport
        do {
            switch replayRequest {
            case .connector(let name): report = try await deadLetters.replay(connector: name)
            case .ids(let ids): report = try await deadLetters.replay(ids: ids)
            }
        } catch {
            return storeFailed("replaying dead letters", error, client: client)
        }
        log.info("dead letters replayed", [
            "client": .string(client), "replayed": .number(JSONNumber(report.replayed.count)),
            "failed": .number(JSONNumber(report.failed.count)),
        ])
        return APIResponse(.json(JSONWriter().bytes(report.json), status: .accepted), client: client)
    }

    /// `DELETE /v1/dead-letters/{id}`: discards it (204); it stays in the store as history.
    func discardDeadLetter(_ request: HTTPRequest) async -> APIResponse {
        let client: String
        switch authorize(request, .admin) {
        case .allowed(let found): client = found.name
        case .refused(let refusal): return refusal
        }
        guard let id = deadLetterID(request) else { return notADeadLetter(request, client: client) }
        do {
            guard try await deadLetters.discard(id: id) else { return notADeadLetter(request, client: client) }
        } catch {
            return storeFailed("discarding a dead letter", error, client: client)
        }
        log.info("dead letter discarded", ["client": .string(client), "dead_letter": .string(id.text)])
        return APIResponse(HTTPResponse(status: .noContent), client: client)
    }

    private func deadLetterID(_ request: HTTPRequest) -> RecordID? {
        RecordID(request.pathParameters["id"] ?? "")
    }

    private func notADeadLetter(_ request: HTTPRequest, client: String) -> APIResponse {
        let text = request.pathParameters["id"] ?? ""
        return APIResponse(Problem.notFound("no open dead letter \"\(text.prefix(64))\" (unknown, or already replayed or discarded)"),
                           client: client)
    }

}
