import CasewayHTTP
import CasewayMapping
import CasewayStore

extension HubAPI {
    /// Registers `/v1/queues/{connector}/messages…` (scope `receive` and a grant of the queue; docs/queues.md).
    func addQueueRoutes(to router: inout Router) {
        router.add(.get, "/v1/queues/{connector}/messages") { request in await logged(request) { await receiveMessages(request) } }
        router.add(.post, "/v1/queues/{connector}/messages/ack") { request in
            await logged(request) { await settleBatch(request, release: false) }
        }
        router.add(.post, "/v1/queues/{connector}/messages/release") { request in
            await logged(request) { await settleBatch(request, release: true) }
        }
        router.add(.post, "/v1/queues/{connector}/messages/{receipt}/ack") { request in
            await logged(request) { await settleOne(request, .ack) }
        }
        router.add(.post, "/v1/queues/{connector}/messages/{receipt}/release") { request in
            await logged(request) { await settleOne(request, .release) }
        }
        router.add(.post, "/v1/queues/{connector}/messages/{receipt}/reject") { request in
            await logged(request) { await settleOne(request, .reject) }
        }
    }

    /// What a single-receipt request does.
    enum QueueAction {
        case ack, release, reject
    }

    /// The client and the queue of a queue request, or the answer refusing it. An unknown queue and one
    /// the client is not granted get the same 404, so a client learns nothing about queues not its own.
    private func queueCaller(_ request: HTTPRequest) -> Result<(client: String, connector: String), QueueRefusal> {
        let client: ClientConfiguration
        switch authorize(request, .receive) {
        case .allowed(let found): client = found
        case .refused(let refusal): return .failure(QueueRefusal(response: refusal))
        }
        let connector = request.pathParameters["connector"] ?? ""
        guard queues.settings(connector) != nil, client.mayReceive(from: connector) else {
            return .failure(QueueRefusal(response: APIResponse(
                Problem.notFound("no queue \"\(connector.prefix(64))\" that client \"\(client.name)\" may receive from"),
                client: client.name)))
        }
        return .success((client.name, connector))
    }

    /// `GET /v1/queues/{connector}/messages?max=&wait=&visibility=`: up to `max` messages, long-polling up to `wait` s.
    func receiveMessages(_ request: HTTPRequest) async -> APIResponse {
        let (client, connector): (String, String)
        switch queueCaller(request) {
        case .success(let caller): (client, connector) = caller
        case .failure(let refusal): return refusal.response
        }
        let query: QueueReceiveQuery
        switch QueueReceiveQuery.parse(request.query) {
        case .success(let parsed): query = parsed
        case .failure(let invalid): return APIResponse(Problem.invalidQuery(invalid.errors), client: client)
        }
        do {
            let messages = try await queues.receive(
                connector: connector, consumer: client, max: query.max, wait: query.wait, visibility: query.visibility)
            let body = JSONObject(["messages": .array(messages.map(\.json))])
            return APIResponse(.json(JSONWriter().bytes(.object(body))), client: client)
        } catch {
            return storeFailed("receiving queue messages", error, client: client)
        }
    }

    /// `POST …/messages/{receipt}/ack | release | reject`: 204, or 404 / 409 problem+json.
    func settleOne(_ request: HTTPRequest, _ action: QueueAction) async -> APIResponse {
        let (client, connector): (String, String)
        switch queueCaller(request) {
        case .success(let caller): (client, connector) = caller
        case .failure(let refusal): return refusal.response
        }
        let (allowed, required): ([String], [String]) = switch action {
        case .ack: (UpdateCheck.acknowledgementFields, [])
        case .release: (["delay_seconds"], [])
        case .reject: (["code", "reason"], ["code", "reason"])
        }
        let body: QueueSettleRequest
        switch QueueSettleRequest.parse(request.body, allowed: allowed, required: required) {
        case .success(let parsed): body = parsed
        case .failure(let invalid): return APIResponse(Problem.invalidBody(invalid.errors), client: client)
        }
        let text = request.pathParameters["receipt"] ?? ""
        guard let receipt = QueueReceipt(text) else {
            return APIResponse(Self.settlementProblem(.unknown, receipt: text, connector: connector), client: client)
        }
        var acknowledgement = QueueAcknowledgement(receipt: receipt)
        if action == .ack {
            switch body.acknowledgements([receipt], check: updateIntake.check, now: log.clock.now()) {
            case .success(let found): acknowledgement = found.first.flatMap { $0 } ?? acknowledgement
            case .failure(let error): return APIResponse(Self.refusal(error, log: log), client: client)
            }
        }
        let settlement: QueueSettlement
        do {
            switch action {
            case .ack:
                settlement = try await queues.acknowledge(connector: connector, consumer: client, [acknowledgement]).first ?? .unknown
            case .release:
                settlement = try await queues.release(connector: connector, consumer: client, receipts: [receipt], delay: body.delay).first ?? .unknown
            case .reject:
                settlement = try await queues.reject(connector: connector, consumer: client, receipt: receipt, code: body.code, reason: body.reason)
            }
        } catch {
            return storeFailed("settling a queue message", error, client: client)
        }
        guard settlement == .settled else {
            return APIResponse(Self.settlementProblem(settlement, receipt: text, connector: connector), client: client)
        }
        return APIResponse(HTTPResponse(status: .noContent), client: client)
    }

    /// `POST …/messages/ack | release` with `{"receipts": [...]}` (and `delay_seconds` for release):
    /// 200 with one result per receipt, in order.
    func settleBatch(_ request: HTTPRequest, release: Bool) async -> APIResponse {
        let (client, connector): (String, String)
        switch queueCaller(request) {
        case .success(let caller): (client, connector) = caller
        case .failure(let refusal): return refusal.response
        }
        let body: QueueSettleRequest
        let allowed = release ? ["receipts", "delay_seconds"] : ["receipts"] + UpdateCheck.acknowledgementFields
        switch QueueSettleRequest.parse(request.body, allowed: allowed, required: ["receipts"]) {
        case .success(let parsed): body = parsed
        case .failure(let invalid): return APIResponse(Problem.invalidBody(invalid.errors), client: client)
        }
        let parsed = body.receipts.map { QueueReceipt($0) }
        let valid = parsed.compactMap { $0 }
        var settled: [QueueSettlement]
        do {
            if release {
                settled = try await queues.release(connector: connector, consumer: client, receipts: valid, delay: body.delay)
            } else {
                let acknowledgements: [QueueAcknowledgement]
                switch body.acknowledgements(parsed, check: updateIntake.check, now: log.clock.now()) {
                case .success(let found): acknowledgements = found.compactMap { $0 }
                case .failure(let error): return APIResponse(Self.refusal(error, log: log), client: client)
                }
                settled = try await queues.acknowledge(connector: connector, consumer: client, acknowledgements)
            }
        } catch {
            return storeFailed("settling queue messages", error, client: client)
        }
        settled.reverse()
        var results: [JSONValue] = []
        for (text, receipt) in zip(body.receipts, parsed) {
            let settlement = receipt == nil ? QueueSettlement.unknown : (settled.popLast() ?? .unknown)
            var item = JSONObject()
            item["receipt"] = .string(text)
            switch settlement {
            case .settled:
                item["status"] = .number(JSONNumber(204))
                item["result"] = .string(release ? "released" : "acknowledged")
            default:
                let problem = Self.settlementDescription(settlement)
                item["status"] = .number(JSONNumber(problem.status.code))
                item["result"] = .string(problem.result)
                item["detail"] = .string(problem.detail)
            }
            results.append(.object(item))
        }
        return APIResponse(.json(JSONWriter().bytes(.object(JSONObject(["results": .array(results)])))), client: client)
    }

    /// The status, result word and detail of a settlement that did not settle.
    static func settlementDescription(_ settlement: QueueSettlement) -> (status: HTTPStatus, result: String, detail: String) {
        switch settlement {
        case .settled:
            (.noContent, "settled", "done")
        case .unknown:
            (.notFound, "not_found", "no message of this queue has this receipt (unknown, or received by another client)")
        case .leaseExpired:
            (.conflict, "lease_expired",
             "lease expired: the message is ready again; receive it again for a new receipt")
        case .stale(let state):
            (.conflict, "stale_receipt", staleDetail(state))
        }
    }

    private static func staleDetail(_ state: DeliveryState) -> String {
        switch state {
        case .delivered: "stale receipt: the message was already acknowledged"
        case .dead: "stale receipt: the message was rejected or became a dead letter"
        case .pending: "stale receipt: the message was released (or its lease expired and it waits to be received again)"
        case .leased: "stale receipt: the message was received again since; use the newer receipt"
        }
    }

    /// A settlement that did not settle as problem+json: 404 or 409.
    static func settlementProblem(_ settlement: QueueSettlement, receipt: String, connector: String) -> HTTPResponse {
        let described = settlementDescription(settlement)
        let type = described.result.replacingOccurrences(of: "_", with: "-")
        return .problem(
            status: described.status, title: described.status == .notFound ? "Not Found" : "Conflict",
            detail: "receipt \"\(receipt.prefix(100))\" in queue \(connector): \(described.detail)", type: Problem.typeBase + type)
    }

}
