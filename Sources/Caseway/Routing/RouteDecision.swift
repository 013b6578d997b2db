/// Why a condition held or did not for one case: the condition that decided it and the field's actual values.
public struct RouteDecision: Sendable, Equatable {
    /// Whether the condition holds.
    public var holds: Bool
    /// The deciding condition as written.
    public var condition: String
    /// Where it is written (`file:line:column`).
    public var origin: String
    /// What the case holds there: `$.service_code is "WS_MISS", not in ["POT", "SL01"]`.
    public var reason: String

    public init(holds: Bool, condition: String, origin: String, reason: String) {
        self.holds = holds
        self.condition = condition
        self.origin = origin
        self.reason = reason
    }
}
