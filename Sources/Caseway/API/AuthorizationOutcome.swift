/// Whether a request may go on: the client it comes from, or the 401/403 answer to send instead.
enum AuthorizationOutcome {
    case allowed(ClientConfiguration)
    case refused(APIResponse)
}
