/// Where the server listens: a host (numeric IPv4, IPv6 or a name) and a port (0: any free port).
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// The host as written, without brackets: `127.0.0.1`, `::1`, `localhost`.
    public var host: String
    /// The TCP port; 0 asks the kernel for a free one.
    public var port: Int

    /// Makes an address from its parts.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port`, `[ipv6]:port`; nil when the text is not one of those or the port is out of range
    /// (`parse(_:)` says why).
    public init?(_ text: String) {
        guard case .success(let address) = Self.parse(text) else { return nil }
        self = address
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
