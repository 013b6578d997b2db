import CasewayHTTP
import CasewayMapping
/// Settings given on the command line that take precedence over `caseway.json5`.
public struct HubOverrides: Sendable {
    public var listen: ListenAddress?
    /// A data directory path, relative to the current directory.
    public var dataDirectory: String?

    public init(listen: ListenAddress? = nil, dataDirectory: String? = nil) {
        self.listen = listen
        self.dataDirectory = dataDirectory
    }
}
