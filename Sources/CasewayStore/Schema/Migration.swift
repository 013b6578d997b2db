/// One forward step of the schema: from `version - 1` to `version`.
public struct Migration: Sendable {
    /// The schema version after this step (`PRAGMA user_version`).
    public let version: Int
    /// What the step does, for messages.
    public let summary: String
    /// The statements of the step, run in one transaction together with the version bump.
    public let script: String

    /// Creates a migration step.
    public init(version: Int, summary: String, script: String) {
        self.version = version
        self.summary = summary
        self.script = script
    }
}
