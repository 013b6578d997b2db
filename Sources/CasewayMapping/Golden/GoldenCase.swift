import Foundation

/// One golden test beside a mapping: `<case>.input.<json|xml>` and either `<case>.expected.<json|xml|csv>`
/// (the exact output) or `<case>.expected-errors.txt` (the exact problems, one a line).
public struct GoldenCase: Sendable, Hashable {
    /// The case's name: the file names' common start.
    public var name: String
    /// The input document.
    public var input: URL
    /// The expected output or problems.
    public var expected: URL
    /// Whether `expected` lists problems rather than an output.
    public var expectsErrors: Bool

    /// A case from its files.
    public init(name: String, input: URL, expected: URL, expectsErrors: Bool) {
        self.name = name
        self.input = input
        self.expected = expected
        self.expectsErrors = expectsErrors
    }
}
