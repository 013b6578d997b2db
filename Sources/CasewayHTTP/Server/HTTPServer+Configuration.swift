extension HTTPServer {
    /// Every limit and timeout of the server, in one place, with the defaults documented beside each.
    public struct Configuration: Sendable {
        /// Where to listen. Default: `127.0.0.1:8080`. Port 0 picks a free port per address.
        public var listen: [ListenAddress]
        /// Request line plus header section, in bytes. Default 16 KiB; beyond it, 431.
        public var maxHeadSize: Int
        /// Header fields per request (trailer fields count the same way). Default 100; beyond it, 431.
        public var maxHeaderCount: Int
        /// Request content for routes without a limit of their own, in bytes. Default 1 MiB; beyond it, 413.
        public var defaultBodyLimit: Int
        /// From a request's first byte (or from accept) to the end of its header section. Default 10 s; then 408.
        public var headerTimeout: Duration
        /// From the end of the header section to the end of the body, in total (so one byte a second
        /// fails). Default 30 s; then 408.
        public var bodyTimeout: Duration
        /// A keep-alive connection with no request under way, or output the client does not read.
        /// Default 60 s; then the connection is closed.
        public var idleTimeout: Duration
        /// From dispatch to a handler's response. Default 30 s; then 503 problem+json and close.
        public var handlerTimeout: Duration
        /// After the final response on a closing connection, how long the client's unread input is drained
        /// so that the response is not lost to a TCP reset (RFC 9112 §9.6). Default 2 s.
        public var lingerTimeout: Duration
        /// Open connections. Default 10,000; a connection beyond it gets 503 with `Connection: close`.
        public var maxConnections: Int
        /// The listen(2) backlog. Default 1024.
        public var backlog: Int32
        /// Whether handler tasks run on the event loop thread (a task executor there) instead of the
        /// global concurrent pool. Default false. True saves the thread hop per request (a large share
        /// of a trivial request's cost), but a handler's CPU work then delays every connection: only for
        /// handlers that mostly await.
        public var runsHandlersOnEventLoop: Bool
        /// Receives one line per refused request, timeout or socket failure. Default: none.
        public var log: (@Sendable (String) -> Void)?

        /// The defaults above; every value can be changed afterwards.
        public init(
            listen: [ListenAddress] = [ListenAddress(host: "127.0.0.1", port: 8080)],
            maxHeadSize: Int = 16 * 1024,
            maxHeaderCount: Int = 100,
            defaultBodyLimit: Int = 1024 * 1024,
            headerTimeout: Duration = .seconds(10),
            bodyTimeout: Duration = .seconds(30),
            idleTimeout: Duration = .seconds(60),
            handlerTimeout: Duration = .seconds(30),
            lingerTimeout: Duration = .seconds(2),
            maxConnections: Int = 10_000,
            backlog: Int32 = 1024,
            runsHandlersOnEventLoop: Bool = false,
            log: (@Sendable (String) -> Void)? = nil
        ) {
            self.listen = listen
            self.maxHeadSize = maxHeadSize
            self.maxHeaderCount = maxHeaderCount
            self.defaultBodyLimit = defaultBodyLimit
            self.headerTimeout = headerTimeout
            self.bodyTimeout = bodyTimeout
            self.idleTimeout = idleTimeout
            self.handlerTimeout = handlerTimeout
            self.lingerTimeout = lingerTimeout
            self.maxConnections = maxConnections
            self.backlog = backlog
            self.runsHandlersOnEventLoop = runsHandlersOnEventLoop
            self.log = log
        }

        /// What each connection needs of this configuration.
        var connectionSettings: ConnectionSettings {
            ConnectionSettings(
                parserLimits: HTTPParserLimits(maxHeadSize: maxHeadSize, maxHeaderCount: maxHeaderCount),
                defaultBodyLimit: defaultBodyLimit,
                timeouts: ConnectionTimeouts(
                    header: headerTimeout,
                    body: bodyTimeout,
                    idle: idleTimeout,
                    handler: handlerTimeout,
                    linger: lingerTimeout
                ),
                pendingInputLimit: maxHeadSize + 64 * 1024,
                log: log
            )
        }
    }
}
