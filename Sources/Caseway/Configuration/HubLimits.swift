import CasewayMapping
/// Limits that protect the hub from oversized or slow requests; each has a safe default.
public struct HubLimits: Sendable, Hashable {
    /// Largest request body accepted (413 above it).
    public var requestBodyBytes: Int = 1 << 20
    /// Largest request line plus headers (431 above it).
    public var headerBytes: Int = 16 << 10
    /// Most header fields in one request (431 above it).
    public var headerCount: Int = 100
    /// Most open client connections; more are refused with 503.
    public var connections: Int = 10_000
    /// Time allowed to receive a request's line and headers (408 after it: slowloris).
    public var headerTimeout: Duration = .seconds(10)
    /// Time allowed to receive a request's body (408 after it).
    public var bodyTimeout: Duration = .seconds(30)
    /// How long an idle keep-alive connection stays open.
    public var idleTimeout: Duration = .seconds(60)
    /// Time a handler may take before the client gets 503.
    public var handlerTimeout: Duration = .seconds(30)
    /// How long `serve` waits for in-flight work on SIGTERM before closing everything.
    public var shutdownGrace: Duration = .seconds(10)

    public init() {}
}
