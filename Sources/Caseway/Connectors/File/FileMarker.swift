/// The empty file written beside a dropped file once it is complete, for back offices that only pick up a
/// file when its marker exists (a connector file's `marker`).
public enum FileMarker: String, Sendable, CaseIterable {
    /// No marker: the rename into place is the signal.
    case none
    /// `<name>.ready` after the data file.
    case ready
    /// `<name>.done` after the data file.
    case done

    /// The suffix appended to the data file's name, or nil for none.
    public var suffix: String? {
        switch self {
        case .none: nil
        case .ready: ".ready"
        case .done: ".done"
        }
    }
}
