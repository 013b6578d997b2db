/// Why a case field reference in a connector file cannot be used.
public struct CaseFieldError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
