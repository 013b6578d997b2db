/// A golden test that did not pass, with a readable diff or the reason.
public struct GoldenFailure: Sendable, Hashable, CustomStringConvertible {
    /// The file the integrator should look at (the expected file, or the input).
    public var file: String
    public var caseName: String
    public var message: String

    public init(file: String, caseName: String, message: String) {
        self.file = file
        self.caseName = caseName
        self.message = message
    }

    public var description: String { "\(file): golden test \"\(caseName)\": \(message)" }
}
