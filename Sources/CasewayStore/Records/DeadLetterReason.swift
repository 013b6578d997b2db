// TEMPORARY (lead): the dead-letters branch brings the real file; take theirs at merge.
public enum DeadLetterReason: String, Sendable, Hashable, CaseIterable {
    case noRoute = "no_route"
    case permanentError = "permanent_error"
    case attemptsExhausted = "attempts_exhausted"
    case maxAgeExceeded = "max_age_exceeded"
    case mappingError = "mapping_error"
}
