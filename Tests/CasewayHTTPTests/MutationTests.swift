import Testing
@testable import CasewayHTTP

/// Mutated and truncated requests, fed in random splits: whatever arrives, the connection answers with a
/// status or waits for more, and never traps (bad input must never take the daemon down).
struct MutationTests {
    /// A small deterministic generator (SplitMix64), so that a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seeds = [
        "GET /v1/cases/42?x=1 HTTP/1.1\r\nHost: hub\r\nAccept: */*\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: hub\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\nhello",
        "POST /echo HTTP/1.1\r\nHost: hub\r\nTransfer-Encoding: chunked\r\n\r\n5;a=b\r\nhello\r\n0\r\nX-T: 1\r\n\r\n",
        "HEAD /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /empty HTTP/1.1\r\nHost: h\r\n\r\n",
    ]

    static let alphabet: [UInt8] = Array("\r\n :;,=\t0123456789aAfFzZ-/%?{}\"\u{7f}".utf8) + [0, 0x80, 0xFF]

    @Test func mutatedRequestsNeverTrap() async {
        var random = SplitMix(state: 0xCA5E_3A7)
        for round in 0..<3000 {
            var bytes = Array(Self.seeds[round % Self.seeds.count].utf8)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = Int.random(in: 0..<max(1, bytes.count), using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: if !bytes.isEmpty { bytes[min(position, bytes.count - 1)] = Self.alphabet.randomElement(using: &random) ?? 0 }
                case 1: bytes.insert(Self.alphabet.randomElement(using: &random) ?? 0, at: min(position, bytes.count))
                case 2: if !bytes.isEmpty { bytes.remove(at: min(position, bytes.count - 1)) }
                default: bytes = Array(bytes.prefix(position))
                }
            }
            var connection = ConnectionDriver(router: .testRoutes())
            var output = ""
            var index = 0
            while index < bytes.count {
                let size = Int.random(in: 1...8, using: &random)
                output += connection.send(Array(bytes[index..<min(bytes.count, index + size)]))
                index += size
            }
            while !connection.dispatched.isEmpty {
                output += await connection.completeNextHandler()
            }
            // Later responses may follow HEAD answers (no body), which the splitter cannot know about.
            if let first = ParsedResponse.split(output).first {
                #expect(first.statusLine.hasPrefix("HTTP/1.1 "), "round \(round)")
                #expect((100...599).contains(first.status), "round \(round): \(first.statusLine)")
            }
        }
    }
}
