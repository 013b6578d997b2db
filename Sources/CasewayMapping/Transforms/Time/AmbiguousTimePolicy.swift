/// What to do with a wall-clock time that happens twice because the clocks went back (`25/10/2026 01:30` in London).
///
/// The default is `.earlier`, the first occurrence (BST in the autumn), as java.time and most databases do: a
/// legacy file that writes local times has already lost the distinction, and the first reading is the one a clerk
/// typing it at the time most likely meant. Mappings where the difference matters should choose `.reject`.
public enum AmbiguousTimePolicy: Sendable, Hashable {
    /// The first occurrence: before the clocks go back (for London, the BST reading, +01:00).
    case earlier
    /// The second occurrence: after the clocks go back (for London, the GMT reading, +00:00).
    case later
    /// Fail with `TransformError.Kind.ambiguousLocalTime`.
    case reject
}
