/// The event loop's record of one open socket: its connection state machine and its running handler.
///
final class ConnectionSlot {
    let socket: Socket
    /// Distinguishes this connection from a later one that reuses the same descriptor number.
    let id: UInt64
    let connection: HTTPConnection
    /// What epoll currently watches the socket for.
    var interest: EventPoll.Events
    /// The task running a handler for this connection, cancelled on timeout or close.
    var task: Task<Void, Never>?
    /// Accepted beyond the connection limit only to be told 503.
    let isRefused: Bool

    init(socket: Socket, id: UInt64, connection: HTTPConnection, interest: EventPoll.Events, isRefused: Bool) {
        self.socket = socket
        self.id = id
        self.connection = connection
        self.interest = interest
        self.isRefused = isRefused
    }
}
