/// Why a `file_name` template cannot be used: every problem found in it.
public struct FileNameTemplateError: Error, Sendable, CustomStringConvertible {
    public var problems: [String]

    public init(problems: [String]) { self.problems = problems }

    public init(_ problem: String) { self.problems = [problem] }

    public var description: String { problems.joined(separator: "; ") }
}
