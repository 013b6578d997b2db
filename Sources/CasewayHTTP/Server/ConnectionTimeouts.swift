/// How long a connection may wait in each state; taken from `HTTPServer.Configuration`.
struct ConnectionTimeouts: Sendable, Equatable {
    /// From the first byte of a request (or from accept) to the end of its header section: 408.
    var header: Duration
    /// From the end of the header section to the end of the body, in total: 408.
    var body: Duration
    /// Between requests on a keep-alive connection, and without write progress: silent close.
    var idle: Duration
    /// From dispatch to the handler's response: 503.
    var handler: Duration
    /// After the last response on a closing connection, how long unread input is drained before closing.
    var linger: Duration
}
