import CasewayStore
import Testing

@testable import Caseway

/// The breaker's states driven by a manual clock: open after consecutive failures, probe after the pause,
/// close on a good probe, pause longer after a bad one.
struct CircuitBreakerTests {
    let clock = ManualClock()

    func breaker() -> CircuitBreaker {
        var settings = CircuitBreakerSettings()
        settings.failureThreshold = 3
        settings.pause = .seconds(30)
        settings.maxPause = .seconds(100)
        return CircuitBreaker(settings: settings)
    }

    @Test func opensOnlyAfterConsecutiveFailures() {
        var breaker = breaker()
        #expect(breaker.recordFailure(now: clock.now()) == nil)
        #expect(breaker.recordFailure(now: clock.now()) == nil)
        breaker.recordSuccess()
        #expect(breaker.recordFailure(now: clock.now()) == nil)
        #expect(breaker.recordFailure(now: clock.now()) == nil)
        #expect(breaker.permit(now: clock.now()) == .flow)
        let until = breaker.recordFailure(now: clock.now())
        #expect(until == clock.now().advanced(by: .seconds(30)))
        #expect(breaker.permit(now: clock.now()) == .wait(until: until))
    }

    @Test func probesAfterThePauseAndClosesOnSuccess() {
        var breaker = breaker()
        for _ in 0..<3 { breaker.recordFailure(now: clock.now()) }
        clock.advance(by: .seconds(29))
        #expect(breaker.permit(now: clock.now()) != .probe)
        clock.advance(by: .seconds(1))
        #expect(breaker.permit(now: clock.now()) == .probe)
        // While the probe is out, nothing else goes.
        #expect(breaker.permit(now: clock.now()) == .wait(until: nil))
        let closed = breaker.recordSuccess()
        #expect(closed)
        #expect(breaker.permit(now: clock.now()) == .flow)
    }

    @Test func failedProbe_DoublesThePauseUpToTheMaximum() {
        var breaker = breaker()
        for _ in 0..<3 { breaker.recordFailure(now: clock.now()) }
        var pauses: [Duration] = []
        for _ in 0..<3 {
            clock.advance(by: .seconds(1000))
            #expect(breaker.permit(now: clock.now()) == .probe)
            guard let until = breaker.recordFailure(now: clock.now()) else {
                Issue.record("a failed probe must re-open the breaker")
                return
            }
            pauses.append(until.duration(since: clock.now()))
        }
        #expect(pauses == [.seconds(60), .seconds(100), .seconds(100)])
    }

    @Test func lateFailureWhileOpen_DoesNotExtendThePause() {
        var breaker = breaker()
        for _ in 0..<3 { breaker.recordFailure(now: clock.now()) }
        clock.advance(by: .seconds(10))
        #expect(breaker.recordFailure(now: clock.now()) == nil)
        clock.advance(by: .seconds(20))
        #expect(breaker.permit(now: clock.now()) == .probe)
    }

    @Test func abandonedProbe_LetsTheNextDueDeliveryProbe() {
        var breaker = breaker()
        for _ in 0..<3 { breaker.recordFailure(now: clock.now()) }
        clock.advance(by: .seconds(30))
        #expect(breaker.permit(now: clock.now()) == .probe)
        breaker.abandonProbe(now: clock.now())
        #expect(breaker.permit(now: clock.now()) == .probe)
    }
}
