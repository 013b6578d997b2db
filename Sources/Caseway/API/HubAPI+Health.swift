import CasewayHTTP

extension HubAPI {
    /// `GET /readyz`: 200 when the configuration is loaded and the store takes writes, 503 otherwise.
    func readiness() async -> APIResponse {
        guard isReady() else { return APIResponse(Problem.unavailable("the hub is starting or stopping")) }
        do {
            // An empty write goes through the group-commit writer like a case would, without touching the disk.
            try await store.write { _ in }
        } catch {
            return APIResponse(Problem.unavailable("the store does not take writes: \(error)"))
        }
        return APIResponse(.json(Array(#"{"status":"ready"}"#.utf8)))
    }
}
