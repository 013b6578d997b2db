/// Whether one connector takes a case, and why: what `caseway route` prints, one per connector.
public struct RouteExplanation: Sendable, Equatable, CustomStringConvertible {
    public var connector: String
    /// Whether the connector takes the case.
    public var takes: Bool
    /// The condition that decided, with where it is written and the field's actual values; nil when the
    /// connector has no `when` and so takes every case.
    public var decision: RouteDecision?

    public init(connector: String, takes: Bool, decision: RouteDecision?) {
        self.connector = connector
        self.takes = takes
        self.decision = decision
    }

    /// `waste-drop: does not take it: $.service_code in ["POT", "SL01"] (Connectors/waste-drop.json5:6:9):
    /// $.service_code is "WS_MISS", not in ["POT", "SL01"]`.
    public var description: String {
        let verdict = takes ? "takes it" : "does not take it"
        guard let decision else { return "\(connector): \(verdict): no when: takes every case" }
        return "\(connector): \(verdict): \(decision.condition) (\(decision.origin)): \(decision.reason)"
    }
}
