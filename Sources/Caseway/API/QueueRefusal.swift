/// The answer refusing a queue request (401, 403, or 404 for a queue the client may not see), as an error
/// so that the check can return it in a `Result`.
struct QueueRefusal: Error {
    var response: APIResponse
}
