/// The code that answers a route's requests.
public enum HTTPHandler: Sendable {
    /// Runs as a task off the event loop; may await storage, other services, anything.
    case task(@Sendable (HTTPRequest) async -> HTTPResponse)
    /// Runs on the event loop thread itself, without a task hop; must return at once and never block
    /// (a health check, a constant answer). A slow immediate handler stalls every connection.
    case immediate(@Sendable (HTTPRequest) -> HTTPResponse)
}
