/// The instants at which a zone's clocks show a given wall-clock reading.
enum LocalTimeResolution: Sendable, Hashable {
    /// The usual case: the reading happens once.
    case unique(Instant)
    /// The clocks went back: the reading happens twice, `earlier` before the change and `later` after it.
    case ambiguous(earlier: Instant, later: Instant)
    /// The clocks went forward over this reading; the offsets are those in force before and after the gap.
    case skipped(offsetBefore: Int, offsetAfter: Int)
}
