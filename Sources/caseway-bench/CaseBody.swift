/// Request bodies for benchmarks and crash tests: about 1.5 KiB of JSON derived from a seed, so that a
/// body can be checked later from its hash alone.
enum CaseBody {
    static let size = 1536

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
