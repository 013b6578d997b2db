/// Why a JSONPath could not be compiled: `expected "]" after the index at character 7`.
public struct JSONPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and where, for the integrator.
    public let message: String

    /// An error saying `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
