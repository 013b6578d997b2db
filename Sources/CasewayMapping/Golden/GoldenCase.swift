import Foundation

/// One golden test beside a mapping: `<case>.input.<json|xml>` and either `<case>.expected.<json|xml|csv>`
/// (the exact output) or `<case>.expected-errors.txt` (the exact problems, one a line).
public struct GoldenCase: Sendable, Hashable {
    public var name: String
    public var input: URL
    public var expected: URL
    /// Whether `expected` lists problems rather than an output.
    public var expectsErrors: Bool

    public init(name: String, input: URL, expected: URL, expectsErrors: Bool) {
        self.name = name
        self.input = input
        self.expected = expected
        self.expectsErrors = expectsErrors
    }
}
