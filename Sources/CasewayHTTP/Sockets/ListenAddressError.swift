/// Why a listen address could not be read.
public struct ListenAddressError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
