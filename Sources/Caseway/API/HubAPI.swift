import CasewayHTTP
import CasewayMapping
import CasewayStore

/// The hub's HTTP API v1 (docs/api.md): who may call what, and the handlers behind each path.
public struct HubAPI: Sendable {
    public let intake: CaseIntake
    /// Status updates; built on the case intake's store, clock and id generator, so their ids and times sort
    /// with the cases' and one writer orders both.
    public let updateIntake: UpdateIntake
    public let authenticator: Authenticator
    public let log: HubLog
    /// Dead letters: list, show, replay, discard (`/v1/dead-letters`).
    public let deadLetters: DeadLetters
    /// Pull queues: receive, ack, release, reject (`/v1/queues`).
    public let queues: PullQueues
    /// Whether the configuration is loaded and the hub is taking work; false while stopping.
    public let isReady: @Sendable () -> Bool
    /// The process's counters (`/metrics`), shared with the delivery workers.
    public let metrics: HubMetrics
    /// Every configured connector, so that `/metrics` shows each one, idle ones with zeros.
    public let connectorNames: [String]
    /// The store's writer counters (a seam: the hub's store by default).
    var writerStatistics: WriterStatistics { store.writerStatistics }

    public init(intake: CaseIntake, updateIntake: UpdateIntake, authenticator: Authenticator, log: HubLog,
                deadLetters: DeadLetters, queues: PullQueues, metrics: HubMetrics = HubMetrics(), connectorNames: [String] = [],
                isReady: @escaping @Sendable () -> Bool) {
        self.metrics = metrics
        self.connectorNames = connectorNames
        self.intake = intake
        self.updateIntake = updateIntake
        self.deadLetters = deadLetters
        self.queues = queues
        self.authenticator = authenticator
        self.log = log
        self.isReady = isReady
    }

    var store: Store { intake.store }

    /// Every route of the API, each with its body limit.
    public func router(bodyLimit: Int) -> Router {
        var router = Router()
        router.addImmediate(.get, "/healthz") { _ in Self.health }
        router.add(.get, "/readyz") { request in await logged(request) { await readiness() } }
        router.add(.get, "/metrics") { request in await logged(request) { await metricsPage() } }
        router.add(.post, "/v1/cases", bodyLimit: bodyLimit) { request in
            await logged(request) { await submitCase(request) }
        }
        router.add(.get, "/v1/cases/{id}") { request in await logged(request) { await fetchCase(request) } }
        addDeadLetterRoutes(to: &router)
        addUpdateRoutes(to: &router, bodyLimit: bodyLimit)
        addQueueRoutes(to: &router)
        return router
    }

    /// The liveness answer: the process is up and its event loop turns. Constant, so it never allocates.
    static let health = HTTPResponse.json(Array(#"{"status":"ok"}"#.utf8))

    /// Runs `handler` and writes the request's log line: time, client, method, path, status, bytes,
    /// duration and case id — never the body or anything personal.
    func logged(_ request: HTTPRequest, _ handler: () async -> APIResponse) async -> HTTPResponse {
        let started = ContinuousClock.now
        let answer = await handler()
        let elapsed = ContinuousClock.now - started
        var fields = JSONObject()
        fields["client"] = answer.client.map(JSONValue.string) ?? .null
        fields["method"] = .string(request.method.description)
        fields["path"] = .string(request.path)
        fields["status"] = .number(JSONNumber(answer.http.status.code))
        fields["bytes"] = .number(JSONNumber(answer.http.body.count))
        let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        fields["duration_ms"] = .number(JSONNumber(text: Self.milliseconds(microseconds)))
        if let caseID = answer.caseID { fields["case_id"] = .string(caseID.text) }
        log.request(fields)
        metrics.countRequest(method: request.method.description, status: Int(answer.http.status.code))
        return answer.http
    }

    /// Microseconds as milliseconds with three decimals, written without floating point.
    static func milliseconds(_ microseconds: Int64) -> String {
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// The 503 for a store that failed under a request; the error goes to the log, not to the client.
    func storeFailed(_ what: String, _ error: any Error, client: String) -> APIResponse {
        log.error("\(what) failed", ["error": .string("\(error)")])
        return APIResponse(Problem.unavailable("the store could not be reached; try again"), client: client)
    }

    /// The authenticated client holding `scope` (any client when nil), or the 401/403 to send instead.
    func authorize(_ request: HTTPRequest, _ scope: Scope?) -> AuthorizationOutcome {
        let header = request.headers["Authorization"]
        let result = scope.map { authenticator.authorize(authorization: header, scope: $0) }
            ?? authenticator.authenticate(authorization: header)
        switch result {
        case .success(let client):
            return .allowed(client)
        case .failure(.missingCredentials):
            return .refused(APIResponse(Problem.unauthorized("send Authorization: Bearer <key>")))
        case .failure(.unknownKey):
            return .refused(APIResponse(Problem.unauthorized("the key is not one of this hub's clients")))
        case .failure(.missingScope(let client, let scope)):
            return .refused(APIResponse(Problem.forbidden(client: client, scope: scope), client: client))
        }
    }
}
