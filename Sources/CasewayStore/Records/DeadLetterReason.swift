/// Why a delivery became a dead letter: the `dead_reason` the store keeps and the API filters on.
///
/// The detail (the partner's answer, the mapping's error) is in the delivery's `last_error` and its
/// attempts; the reason says which kind of trouble it is, and so what an operator does about it.
public enum DeadLetterReason: String, Sendable, Hashable, CaseIterable {
    /// No connector's `when` takes the case; the case is kept so it is never lost. Fix a connector's
    /// `when` (or add one), then replay: the case is routed again with the configuration of that moment.
    case noRoute = "no_route"
    /// The partner refused the delivery in a way retrying cannot change (an HTTP 4xx other than 408
    /// and 429, a SOAP Fault the connector marks permanent). Fix the data or the partner, then replay.
    case permanentError = "permanent_error"
    /// Every attempt the connector's retry policy allows failed with a transient error.
    /// Replay once the partner is back.
    case attemptsExhausted = "attempts_exhausted"
    /// The delivery kept failing for longer than the retry policy's maximum age.
    /// Replay once the partner is back.
    case maxAgeExceeded = "max_age_exceeded"
    /// The connector's mapping failed for this case. Fix the mapping (or the case's sender), then
    /// replay: the delivery runs the mapping as it is when it is sent.
    case mappingError = "mapping_error"
    /// A queue consumer rejected the message with a reason code and text (kept in `last_error`); the
    /// back office says it cannot act on the case. Fix the case or the back office, then replay.
    case rejected
    /// A queue message was received `max_receives` times without an ack: its consumers keep failing on
    /// it (or crashing before they ack). Replay once the consumer is fixed.
    case maxReceives = "max_receives"
}
