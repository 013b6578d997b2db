import Synchronization

/// Makes time-ordered record ids (UUIDv7), strictly increasing within the process.
///
/// The time is passed in (see `WallClock`). Within one millisecond, or when the time passed in goes
/// backwards, a 12-bit counter in the `rand_a` field keeps the ids increasing (RFC 9562, method 1);
/// when it overflows, the id borrows the next millisecond. The remaining 62 bits come from a
/// generator seeded once from the system's random source (a system call per id would cost more
/// than the rest of the id).
public final class RecordIDGenerator: Sendable {
    /// The generator shared by the whole process, so that all ids it makes are ordered.
    public static let shared = RecordIDGenerator()

    private struct State {
        var lastMilliseconds: Int64 = -1
        var counter: UInt16 = 0
        var random: UInt64

        /// splitmix64: a different 64-bit output for each of 2^64 steps.
        mutating func nextRandom() -> UInt64 {
            random &+= 0x9e37_79b9_7f4a_7c15
            var mixed = random
            mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
            return mixed ^ (mixed >> 31)
        }
    }

    private let state: Mutex<State>

    /// Creates a generator.
    public init() {
        var system = SystemRandomNumberGenerator()
        state = Mutex(State(random: system.next()))
    }

    /// A new id for a record created at `time`.
    public func next(at time: Timestamp) -> RecordID {
        let (milliseconds, counter, tail) = state.withLock { state -> (Int64, UInt16, UInt64) in
            // 48 bits of milliseconds reach the year 10889; times outside that range are clamped.
            var milliseconds = min(max(time.millisecondsSinceEpoch, 0), (1 << 48) - 1)
            if milliseconds <= state.lastMilliseconds {
                milliseconds = state.lastMilliseconds
                state.counter += 1
                if state.counter > 0xfff {
                    milliseconds += 1
                    state.counter = 0
                }
            } else {
                state.counter = 0
            }
            state.lastMilliseconds = milliseconds
            return (milliseconds, state.counter, state.nextRandom())
        }
        return RecordID(unchecked: Self.format(milliseconds: UInt64(milliseconds), counter: counter, random: tail))
    }

    private static func format(milliseconds: UInt64, counter: UInt16, random: UInt64) -> String {
        // 128 bits: 48-bit time, version 7, 12-bit counter, variant 10, 62 random bits.
        let high = milliseconds << 16 | 0x7000 | UInt64(counter & 0xfff)
        let low = (random & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var position = 0
            for nibble in 0..<32 {
                if nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20 {
                    buffer[position] = UInt8(ascii: "-")
                    position += 1
                }
                let word = nibble < 16 ? high : low
                let digit = UInt8(truncatingIfNeeded: word >> UInt64(60 - (nibble % 16) * 4)) & 0xf
                buffer[position] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                position += 1
            }
            return position
        }
    }
}
