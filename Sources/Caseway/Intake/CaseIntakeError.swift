import CasewayStore

/// Why a submission was refused; nothing was stored for it.
public enum CaseIntakeError: Error, Sendable, Equatable {
    /// The body's media type or charset is not one Caseway reads (415).
    case unsupportedMediaType(String)
    /// The body is not well-formed JSON or XML, or is hostile (a DTD, too deep): 400 with where.
    case malformed(String)
    /// The body is well-formed but fields are wrong: 400 listing each one.
    case invalid([FieldError])
    /// The `Idempotency-Key` header itself is unusable (400).
    case invalidIdempotencyKey(String)
    /// The idempotency key was used before by this client for a different body (409); the first case's id.
    case idempotencyKeyReused(caseID: RecordID)
    /// The store could not take the case (503); the reason is for the log, not the client.
    case storeUnavailable(String)
}
