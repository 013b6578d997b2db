extension ListenAddress {
    /// Parses `host:port` or `[ipv6]:port`; returns a reason when the text is not one.
    public static func parse(_ text: String) -> Result<ListenAddress, ListenAddressError> {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return .failure(.init("missing \"]\" after the IPv6 address")) }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return .failure(.init("expected \":port\" after \"]\"")) }
            portText = rest.dropFirst()
            guard host.contains(":") else { return .failure(.init("\"[\(host)]\" is not an IPv6 address")) }
        } else {
            guard let colon = text.lastIndex(of: ":") else {
                return .failure(.init("expected host:port, e.g. \"127.0.0.1:8080\" or \"[::1]:8080\""))
            }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            if host.contains(":") { return .failure(.init("an IPv6 address must be in brackets, e.g. \"[::1]:8080\"")) }
        }
        guard !host.isEmpty else { return .failure(.init("missing host (use 0.0.0.0 for every interface)")) }
        guard host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:%_".contains($0)) }) else {
            return .failure(.init("\"\(host)\" is not a host name or address"))
        }
        guard let port = Int(portText), (0...65535).contains(port) else {
            return .failure(.init("\"\(portText)\" is not a port (0...65535)"))
        }
        return .success(ListenAddress(host: String(host), port: port))
    }
}
