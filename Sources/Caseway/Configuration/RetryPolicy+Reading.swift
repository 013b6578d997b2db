import CasewayMapping

extension RetryPolicy {
    static let fields = ["max_attempts", "initial_delay", "multiplier", "max_delay", "jitter", "max_age"]

    /// Reads a connector file's `retry`; every key is optional and keeps its default. Reports every problem
    /// at its location and returns nil when there was any.
    static func read(_ node: ConfigurationNode) -> RetryPolicy? {
        guard let object = node.object(allowed: fields) else { return nil }
        var policy = RetryPolicy()
        var valid = true
        func take<Value>(_ key: String, _ read: (ConfigurationNode) -> Value?, into keyPath: WritableKeyPath<RetryPolicy, Value>) {
            guard let member = object[key] else { return }
            if let value = read(member) { policy[keyPath: keyPath] = value } else { valid = false }
        }
        take("max_attempts", { $0.int(in: 1...1000) }, into: \.maxAttempts)
        take("initial_delay", { $0.duration(in: .zero ... .seconds(86_400)) }, into: \.initialDelay)
        take("multiplier", { $0.double(in: 1...10) }, into: \.multiplier)
        take("max_delay", { $0.duration(in: .zero ... .seconds(7 * 86_400)) }, into: \.maxDelay)
        take("jitter", { $0.double(in: 0...1) }, into: \.jitter)
        take("max_age", { $0.duration(in: .seconds(1) ... .seconds(365 * 86_400)) }, into: \.maxAge)
        guard valid else { return nil }
        if policy.maxDelay < policy.initialDelay {
            let initial = DurationText.format(policy.initialDelay) + (object.contains("initial_delay") ? "" : " (the default)")
            let message = "max_delay \(DurationText.format(policy.maxDelay)) is shorter than initial_delay \(initial)"
            (object["max_delay"] ?? object["initial_delay"] ?? node).problem(message)
            return nil
        }
        return policy
    }
}
