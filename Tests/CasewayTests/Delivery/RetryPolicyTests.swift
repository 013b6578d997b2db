import CasewayStore
import Testing

@testable import Caseway

/// Backoff, jitter, Retry-After and the caps on attempts and age, with exact times.
struct RetryPolicyTests {
    let created = Timestamp(millisecondsSinceEpoch: 1_767_225_600_000)
    let transient = DeliveryFailure(.transient, "503 Service Unavailable", httpStatus: 503)

    func policy(maxAttempts: Int = 10, jitter: Double = 0, maxAge: Duration = .seconds(86_400)) -> RetryPolicy {
        var policy = RetryPolicy()
        policy.maxAttempts = maxAttempts
        policy.initialDelay = .seconds(5)
        policy.multiplier = 2
        policy.maxDelay = .seconds(60)
        policy.jitter = jitter
        policy.maxAge = maxAge
        return policy
    }

    @Test func waitsGrowByTheMultiplierUpToTheCap() {
        let waits = (1...6).map { policy().baseDelay(afterAttempt: $0) }
        #expect(waits == [.seconds(5), .seconds(10), .seconds(20), .seconds(40), .seconds(60), .seconds(60)])
        #expect(policy().baseDelay(afterAttempt: 10_000) == .seconds(60))
    }

    @Test func transientFailure_IsRetriedAfterTheWait() {
        let now = created.advanced(by: .seconds(1))
        let decision = policy().decision(after: transient, attempt: 3, createdAt: created, now: now, random: 0.5)
        #expect(decision == .retry(at: now.advanced(by: .seconds(20))))
    }

    @Test func jitterShortensTheWaitByUpToItsFraction() {
        let now = created
        let longest = policy(jitter: 0.5).decision(after: transient, attempt: 2, createdAt: created, now: now, random: 0)
        let shortest = policy(jitter: 0.5).decision(after: transient, attempt: 2, createdAt: created, now: now, random: 0.999_999)
        #expect(longest == .retry(at: now.advanced(by: .seconds(10))))
        #expect(shortest == .retry(at: now.advanced(by: .seconds(5))))
    }

    @Test func retryAfter_IsNeverCutShort() {
        let asked = DeliveryFailure(.transient, "429", httpStatus: 429, retryAfter: .seconds(120))
        let decision = policy().decision(after: asked, attempt: 1, createdAt: created, now: created, random: 0)
        #expect(decision == .retry(at: created.advanced(by: .seconds(120))))
    }

    @Test func permanentFailure_DeadLettersAtOnce() {
        let refused = DeliveryFailure(.permanent, "400 Bad Request", httpStatus: 400)
        #expect(policy().decision(after: refused, attempt: 1, createdAt: created, now: created, random: 0) == .deadLetter(.permanentError))
    }

    @Test func lastAllowedAttempt_DeadLettersAsExhausted() {
        #expect(policy(maxAttempts: 3).decision(after: transient, attempt: 2, createdAt: created, now: created, random: 0) != .deadLetter(.attemptsExhausted))
        #expect(policy(maxAttempts: 3).decision(after: transient, attempt: 3, createdAt: created, now: created, random: 0) == .deadLetter(.attemptsExhausted))
    }

    @Test func aRetryPastMaxAge_DeadLettersAsTooOld() {
        let now = created.advanced(by: .seconds(290))
        let young = policy(maxAge: .seconds(300)).decision(after: transient, attempt: 1, createdAt: created, now: now, random: 0)
        #expect(young == .retry(at: created.advanced(by: .seconds(295))))
        // The second wait is 10 s: due at 300 s exactly is still allowed; one second later is not.
        let edge = policy(maxAge: .seconds(300)).decision(after: transient, attempt: 2, createdAt: created, now: now, random: 0)
        #expect(edge == .retry(at: created.advanced(by: .seconds(300))))
        let old = policy(maxAge: .seconds(300)).decision(
            after: transient, attempt: 2, createdAt: created, now: now.advanced(by: .seconds(1)), random: 0)
        #expect(old == .deadLetter(.maxAgeExceeded))
    }
}
