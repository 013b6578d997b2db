import CasewayMapping
import Foundation

extension Configuration {
    /// This configuration with the command line's overrides applied.
    public func applying(_ overrides: HubOverrides) -> Configuration {
        var copy = self
        if let listen = overrides.listen { copy.hub.listen = listen }
        if let data = overrides.dataDirectory { copy.hub.dataDirectory = URL(fileURLWithPath: data) }
        return copy
    }
}
