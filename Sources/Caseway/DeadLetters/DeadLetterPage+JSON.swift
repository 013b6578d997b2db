import CasewayMapping

extension DeadLetterPage {
    /// `{dead_letters: [...], next_cursor}` as `GET /v1/dead-letters` answers.
    public var json: JSONValue {
        var object = JSONObject()
        object["dead_letters"] = .array(deadLetters.map { DeliveryView.json($0) })
        object["next_cursor"] = nextCursor.map { .string($0.description) } ?? .null
        return .object(object)
    }
}
