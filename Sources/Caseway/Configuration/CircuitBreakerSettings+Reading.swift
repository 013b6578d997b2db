import CasewayMapping

extension CircuitBreakerSettings {
    static let fields = ["failures", "pause", "max_pause"]

    /// Reads a connector file's `circuit_breaker`: every key optional, defaults from `CircuitBreakerSettings`.
    static func read(_ node: ConfigurationNode) -> CircuitBreakerSettings? {
        guard let object = node.object(allowed: fields) else { return nil }
        let problemsBefore = node.diagnostics.problems.count
        var settings = CircuitBreakerSettings()
        if let value = object["failures"]?.int(in: 1...10_000) { settings.failureThreshold = value }
        if let value = object["pause"]?.duration(in: .milliseconds(100) ... .seconds(86_400)) { settings.pause = value }
        if let value = object["max_pause"]?.duration(in: .milliseconds(100) ... .seconds(7 * 86_400)) { settings.maxPause = value }
        if settings.maxPause < settings.pause, let member = object["max_pause"] ?? object["pause"] {
            member.problem(
                "max_pause (\(DurationText.format(settings.maxPause))) is shorter than pause (\(DurationText.format(settings.pause)))")
        }
        return node.diagnostics.problems.count == problemsBefore ? settings : nil
    }
}
