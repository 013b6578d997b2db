import Foundation
import CasewayStore

extension RetryPolicy {
    /// The wait before try number `attempt + 1` after try number `attempt` (from 1) failed, before jitter:
    /// `initialDelay × multiplier^(attempt−1)`, capped at `maxDelay`.
    public func baseDelay(afterAttempt attempt: Int) -> Duration {
        let initial = Self.seconds(initialDelay)
        let cap = Self.seconds(maxDelay)
        // Computed in seconds as a Double so a large attempt count saturates at the cap instead of overflowing.
        let grown = initial * pow(multiplier, Double(max(0, attempt - 1)))
        return Self.duration(min(grown.isFinite ? grown : cap, cap))
    }

    /// Decides what follows failed try number `attempt` of a delivery created at `createdAt`.
    ///
    /// `random` is a number in 0..<1 (injected so tests are exact): the wait is shortened by up to
    /// `jitter` of itself, so deliveries that failed together do not all come back together. A partner's
    /// `Retry-After` is honoured: the wait is never shorter than what it asked for.
    public func decision(
        after failure: DeliveryFailure, attempt: Int, createdAt: Timestamp, now: Timestamp, random: Double
    ) -> RetryDecision {
        guard failure.kind == .transient else { return .deadLetter(.permanentError) }
        guard attempt < maxAttempts else { return .deadLetter(.attemptsExhausted) }
        let base = Self.seconds(baseDelay(afterAttempt: attempt))
        var wait = base * (1 - jitter * min(max(random, 0), 1))
        if let asked = failure.retryAfter { wait = max(wait, Self.seconds(asked)) }
        let due = now.advanced(by: Self.duration(wait))
        guard due <= createdAt.advanced(by: maxAge) else { return .deadLetter(.maxAgeExceeded) }
        return .retry(at: due)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func duration(_ seconds: Double) -> Duration {
        .milliseconds(Int64((seconds * 1000).rounded()))
    }
}
