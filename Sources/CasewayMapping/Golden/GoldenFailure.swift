/// A golden test that did not pass, with a readable diff or the reason.
public struct GoldenFailure: Sendable, Hashable, CustomStringConvertible {
    /// The file the integrator should look at (the expected file, or the input).
    public var file: String
    /// The case's name.
    public var caseName: String
    /// What differs, with a diff.
    public var message: String

    /// A failure of `caseName`, shown at `file`.
    public init(file: String, caseName: String, message: String) {
        self.file = file
        self.caseName = caseName
        self.message = message
    }

    /// `file: golden test "case": message`.
    public var description: String { "\(file): golden test \"\(caseName)\": \(message)" }
}
