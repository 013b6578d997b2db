import CasewayStore
import Testing

@testable import Caseway

/// A connector's rate limit: bursts up to the bucket, then the refill rate, with exact waits.
struct TokenBucketTests {
    let clock = ManualClock()

    @Test func burstThenWaitForTheRefill() {
        var bucket = TokenBucket(limit: RateLimit(perSecond: 2, burst: 3), now: clock.now())
        for _ in 0..<3 { #expect(bucket.take(now: clock.now()) == nil) }
        #expect(bucket.take(now: clock.now()) == .milliseconds(500))
        clock.advance(by: .milliseconds(500))
        #expect(bucket.take(now: clock.now()) == nil)
        #expect(bucket.take(now: clock.now()) == .milliseconds(500))
    }

    @Test func idleTimeRefillsOnlyUpToTheBurst() {
        var bucket = TokenBucket(limit: RateLimit(perSecond: 10, burst: 2), now: clock.now())
        clock.advance(by: .seconds(3600))
        #expect(bucket.take(now: clock.now()) == nil)
        #expect(bucket.take(now: clock.now()) == nil)
        #expect(bucket.take(now: clock.now()) != nil)
    }
}
