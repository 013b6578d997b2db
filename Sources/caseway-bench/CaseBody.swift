/// Request bodies for benchmarks and crash tests: about 1.5 KiB of JSON derived from a seed.
enum CaseBody {
    static let size = 1536

    /// The benchmark's body: a fixed 1,536-byte document whose start carries the seed, like the rows
    /// of the peers' sqlite_bench, so that the benchmark times the store rather than a generator.
    static func stamped(seed: UInt64) -> [UInt8] {
        var body = template
        let stamp = Array("{\"seq\":\"\(seed)\",".utf8)
        body.replaceSubrange(0..<stamp.count, with: stamp)
        return body
    }

    private static let template: [UInt8] = {
        let filler = Array("abcdefghijklmnopqrstuvwxyz{}\":, 0123456789".utf8)
        var body = (0..<size).map { filler[$0 % filler.count] }
        body[size - 1] = UInt8(ascii: "}")
        return body
    }()

    /// The crash test's body: every byte depends on the seed, so a torn or misplaced page cannot go unnoticed.
    static func make(seed: UInt64, size: Int = CaseBody.size) -> [UInt8] {
        var state = seed
        var body = Array("{\"seed\":\"\(seed)\",\"text\":\"".utf8)
        body.reserveCapacity(size)
        while body.count < size - 2 {
            // splitmix64: cheap, and a different seed gives a different body.
            state &+= 0x9e37_79b9_7f4a_7c15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
            mixed ^= mixed >> 31
            for shift in stride(from: 0, to: 64, by: 8) where body.count < size - 2 {
                body.append(UInt8(ascii: "a") + UInt8(truncatingIfNeeded: mixed >> UInt64(shift)) % 26)
            }
        }
        body.append(contentsOf: Array("\"}".utf8))
        return body
    }
}
