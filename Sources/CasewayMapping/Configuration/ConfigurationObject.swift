/// The members of a configuration object that passed the unknown-key check.
public struct ConfigurationObject {
    public let node: ConfigurationNode
    let members: [String: ConfigurationNode]

    /// The member `key`, or nil when absent (absence of a required key was already reported).
    public subscript(key: String) -> ConfigurationNode? {
        members[key]
    }

    /// Whether `key` was written, even as `null`.
    public func contains(_ key: String) -> Bool {
        members[key] != nil
    }
}
