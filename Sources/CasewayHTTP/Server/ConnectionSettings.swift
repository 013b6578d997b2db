/// The part of the server configuration one connection needs, fixed when the server starts.
struct ConnectionSettings: Sendable {
    var parserLimits: HTTPParserLimits
    var defaultBodyLimit: Int
    var timeouts: ConnectionTimeouts
    /// Queued output above which no further pipelined request is parsed until the client reads.
    var outputHighWater = 64 * 1024
    /// Input buffered while a handler runs, above which the loop stops reading from the socket.
    var pendingInputLimit: Int
    /// Receives one line per refused request or failure worth an operator's attention.
    var log: (@Sendable (String) -> Void)?
}
