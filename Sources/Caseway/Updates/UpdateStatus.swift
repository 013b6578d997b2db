/// The hub's status vocabulary: every back office's own codes are mapped onto these few words, so a front
/// office understands an update from any system without knowing that system.
public enum UpdateStatus: String, Sendable, Hashable, CaseIterable {
    case open
    case investigating
    case actionScheduled = "action_scheduled"
    case inProgress = "in_progress"
    case fixed
    case closed
    case duplicate
    case notResponsible = "not_responsible"
    case noFurtherAction = "no_further_action"
    case referred
    case rejected

    /// The allowed words, comma-separated in vocabulary order, for error messages and documentation.
    public static let allowedList = allCases.map(\.rawValue).joined(separator: ", ")
}
