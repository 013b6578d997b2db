/// Why a JSON or JSON5 text was refused, and where: `3:14: expected ':' after object key "name", found '='`.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of fault this is, for callers that answer differently (415 for encoding, 400 otherwise).
    public var kind: Kind
    /// What was expected and what was found, without the location.
    public var message: String
    /// Where the fault is: line and column (in Unicode scalars) and byte offset.
    public var location: SourceLocation

    /// An error of `kind` at `location`.
    public init(kind: Kind, message: String, location: SourceLocation) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// `line:column: message`, the form configuration errors are reported in after the file name.
    public var description: String { "\(location): \(message)" }
}
