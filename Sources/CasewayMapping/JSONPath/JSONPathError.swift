/// Why a JSONPath could not be compiled: `expected "]" after the index at character 7`.
public struct JSONPathError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
