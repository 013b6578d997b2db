import CasewayMapping

extension DeadLetterReplayReport {
    /// `{replayed: [{dead_letter, deliveries}], failed: [{id, reason}]}`.
    public var json: JSONValue {
        let replayedJSON = replayed.map { replay -> JSONValue in
            .object(JSONObject([
                "dead_letter": .string(replay.deadLetter.text),
                "deliveries": .array(replay.deliveries.map { DeliveryView.json($0) }),
            ]))
        }
        let failedJSON = failed.map { failure -> JSONValue in
            .object(JSONObject(["id": .string(failure.id.text), "reason": .string(failure.reason)]))
        }
        return .object(JSONObject(["replayed": .array(replayedJSON), "failed": .array(failedJSON)]))
    }
}
