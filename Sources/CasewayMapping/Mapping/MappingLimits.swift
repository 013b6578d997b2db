/// Bounds on the documents a mapping reads; beyond them a run fails with a problem, never a crash.
public struct MappingLimits: Sendable, Hashable {
    /// The largest input, in bytes.
    public var maxInputBytes: Int
    /// The deepest nesting of JSON containers or XML elements.
    public var maxDepth: Int
    /// The longest single text in XML input, in bytes.
    public var maxTextBytes: Int
    /// The most items one repeating group writes.
    public var maxGroupItems: Int

    /// Limits that suit a request body at Caseway's intake.
    public init(maxInputBytes: Int = 4 * 1024 * 1024, maxDepth: Int = 64, maxTextBytes: Int = 1024 * 1024, maxGroupItems: Int = 10_000) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxTextBytes = maxTextBytes
        self.maxGroupItems = maxGroupItems
    }
}
