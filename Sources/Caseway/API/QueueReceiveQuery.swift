import CasewayHTTP

/// The query of `GET /v1/queues/{connector}/messages`, checked: every value at fault is named.
struct QueueReceiveQuery {
    static let parameters = ["max", "wait", "visibility"]
    static let defaultMax = 10

    /// Most messages to return (`max`, 1–100, default 10).
    var max = defaultMax
    /// How long to wait for a message when none is ready (`wait`, 0–20 seconds, default 0).
    var wait = Duration.zero
    /// How long received messages stay hidden (`visibility`, 5–43200 seconds); nil: the connector's.
    var visibility: Duration?

    /// Reads `query`; the errors name the parameter at fault.
    static func parse(_ query: HTTPQuery) -> Result<QueueReceiveQuery, InvalidFields> {
        var parsed = QueueReceiveQuery()
        var errors: [FieldError] = []
        for item in query.items where !parameters.contains(item.name) {
            errors.append(FieldError(field: item.name, message: "unknown parameter; known: \(parameters.joined(separator: ", "))"))
        }
        func number(_ name: String, _ range: ClosedRange<Int>, unit: String) -> Int? {
            guard let text = query[name] else { return nil }
            guard text.utf8.count <= 6, let value = Int(text), range.contains(value) else {
                errors.append(FieldError(field: name, message: "must be a whole number of \(unit) from \(range.lowerBound) to \(range.upperBound)"))
                return nil
            }
            return value
        }
        if let max = number("max", 1...PullQueues.maxBatch, unit: "messages") { parsed.max = max }
        if let wait = number("wait", 0...PullQueues.maxWaitSeconds, unit: "seconds") { parsed.wait = .seconds(wait) }
        let visibility = QueueConnectorSettings.visibilityRange
        let seconds = Int(visibility.lowerBound.components.seconds)...Int(visibility.upperBound.components.seconds)
        if let value = number("visibility", seconds, unit: "seconds") { parsed.visibility = .seconds(value) }
        return errors.isEmpty ? .success(parsed) : .failure(InvalidFields(errors: errors))
    }
}
