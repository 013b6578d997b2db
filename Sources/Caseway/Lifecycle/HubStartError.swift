/// Why the hub could not start, in one line an operator can act on.
public struct HubStartError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
