import CasewayMapping

extension RateLimit {
    static let fields = ["per_second", "burst"]

    /// Reads a connector file's `rate_limit`: `per_second` is required; `burst` defaults to one second's worth.
    static func read(_ node: ConfigurationNode) -> RateLimit? {
        guard let object = node.object(allowed: fields, required: ["per_second"]) else { return nil }
        var perSecond: Double?
        if let member = object["per_second"], let rate = member.double(in: 0...100_000) {
            if rate > 0 {
                perSecond = rate
            } else {
                member.problem("must be more than 0 (leave rate_limit out for no limit)")
            }
        }
        var burst: Int?
        var burstValid = true
        if let member = object["burst"] {
            burst = member.int(in: 1...100_000)
            burstValid = burst != nil
        }
        guard let perSecond, burstValid else { return nil }
        return RateLimit(perSecond: perSecond, burst: burst ?? max(1, Int(perSecond.rounded(.up))))
    }
}
