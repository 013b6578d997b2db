/// Every problem of one failed run, reported together so the integrator fixes them in one go.
public struct MappingFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every problem, in the order of the output fields.
    public var problems: [MappingProblem]

    /// A failure with these problems.
    public init(problems: [MappingProblem]) {
        self.problems = problems
    }

    /// One problem a line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
