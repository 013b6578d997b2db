/// How long an `http` connector waits for its partner.
///
/// URLSession has no separate connect timeout, so `connect` is enforced by the transport itself: it
/// bounds the time until the request has been handed to the partner (DNS, TCP, TLS and sending the
/// body), or until the partner's answer starts when no body progress is reported. `total` bounds the
/// whole exchange, answer included, whatever URLSession does.
public struct HTTPTimeouts: Sendable, Equatable {
    /// Default 5 s.
    public var connect: Duration
    /// Default 30 s.
    public var total: Duration

    public init(connect: Duration = .seconds(5), total: Duration = .seconds(30)) {
        self.connect = connect
        self.total = total
    }
}
