
/// Collects problems across every file of one configuration run, so the integrator sees all of them at once.
public final class ConfigurationDiagnostics {
    public private(set) var problems: [ConfigurationProblem] = []

    public init() {}

    public var isEmpty: Bool { problems.isEmpty }

    public func report(_ problem: ConfigurationProblem) {
        problems.append(problem)
    }

    /// A problem about a whole file (missing, unreadable, not JSON5).
    public func report(file: String, location: SourceLocation? = nil, _ message: String) {
        problems.append(ConfigurationProblem(file: file, location: location, path: nil, message: message))
    }

    /// Problems grouped by file (in the order files were read), each file's top to bottom.
    public var sortedProblems: [ConfigurationProblem] {
        var fileOrder: [String: Int] = [:]
        for problem in problems where fileOrder[problem.file] == nil { fileOrder[problem.file] = fileOrder.count }
        return problems.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if a.file != b.file { return fileOrder[a.file, default: 0] < fileOrder[b.file, default: 0] }
            let (x, y) = (a.location?.offset ?? -1, b.location?.offset ?? -1)
            return x != y ? x < y : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Throws every collected problem, if there is any.
    public func throwIfAny() throws(ConfigurationError) {
        if !problems.isEmpty { throw ConfigurationError(problems: sortedProblems) }
    }
}
