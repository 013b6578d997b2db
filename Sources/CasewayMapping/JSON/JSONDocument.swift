/// A parsed JSON or JSON5 text: the value, plus (when asked for) where every value and key was written,
/// so configuration errors can point at `file:line:column`.
public struct JSONDocument: Sendable {
    public var value: JSONValue
    /// Where each value starts. Empty unless the parser was asked to record locations.
    public var valueLocations: [ValuePath: SourceLocation]
    /// Where each object member's key starts, indexed by the member's path.
    public var keyLocations: [ValuePath: SourceLocation]

    public init(
        value: JSONValue,
        valueLocations: [ValuePath: SourceLocation] = [:],
        keyLocations: [ValuePath: SourceLocation] = [:]
    ) {
        self.value = value
        self.valueLocations = valueLocations
        self.keyLocations = keyLocations
    }

    /// The location of the value at `path`, or of the nearest enclosing value that has one.
    public func location(of path: ValuePath) -> SourceLocation? {
        var probe = path
        while true {
            if let location = valueLocations[probe] { return location }
            if probe.components.isEmpty { return nil }
            probe.components.removeLast()
        }
    }

    /// The location of the key of the member at `path` (for "unknown key" errors), else of its value.
    public func keyLocation(of path: ValuePath) -> SourceLocation? {
        keyLocations[path] ?? location(of: path)
    }
}
