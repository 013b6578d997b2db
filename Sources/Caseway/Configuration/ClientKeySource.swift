import CasewayMapping
/// Where a client's API key comes from. Keys never sit in configuration in clear.
public enum ClientKeySource: Sendable, Hashable, CustomStringConvertible {
    /// Read from this environment variable when the hub starts.
    case environment(String)
    /// Only the SHA-256 of the key is configured (lowercase hex), e.g. from `printf %s "$KEY" | sha256sum`.
    case sha256(String)

    public var description: String {
        switch self {
        case .environment(let name): "environment variable \(name)"
        case .sha256: "SHA-256 hash"
        }
    }
}
