import CasewayMapping
import CasewayStore

/// The body of `POST /v1/dead-letters/replay`: exactly one of `{"connector": "name"}` or `{"ids": [...]}`.
enum DeadLetterReplayRequest: Equatable {
    case connector(String)
    case ids([RecordID])

    /// Reads `body`; the errors name the member at fault (`ids[3]`).
    static func parse(_ body: [UInt8]) -> Result<DeadLetterReplayRequest, InvalidFields> {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: body)
        } catch {
            return .failure(InvalidFields(errors: [FieldError(field: "body", message: "not JSON: \(error)")]))
        }
        guard let object = value.objectValue else {
            return .failure(InvalidFields(errors: [FieldError(field: "body", message: "must be an object with \"connector\" or \"ids\"")]))
        }
        var errors: [FieldError] = []
        for key in object.keys where key != "connector" && key != "ids" {
            errors.append(FieldError(field: key, message: "unknown member; give \"connector\" or \"ids\""))
        }
        switch (object["connector"], object["ids"]) {
        case (nil, nil):
            errors.append(FieldError(field: "body", message: "give \"connector\" (a connector's name) or \"ids\" (dead-letter ids)"))
        case (.some, .some):
            errors.append(FieldError(field: "body", message: "give \"connector\" or \"ids\", not both"))
        case (.some(let connector), nil):
            guard let name = connector.stringValue, !name.isEmpty, name.utf8.count <= 200 else {
                errors.append(FieldError(field: "connector", message: "must be a connector's name"))
                break
            }
            if errors.isEmpty { return .success(.connector(name)) }
        case (nil, .some(let ids)):
            guard let items = ids.arrayValue, !items.isEmpty, items.count <= DeadLetters.maxReplayBatch else {
                errors.append(FieldError(field: "ids", message: "must be an array of 1 to \(DeadLetters.maxReplayBatch) dead-letter ids"))
                break
            }
            var parsed: [RecordID] = []
            for (index, item) in items.enumerated() {
                if let text = item.stringValue, let id = RecordID(text) {
                    parsed.append(id)
                } else {
                    errors.append(FieldError(field: "ids[\(index)]", message: "not a dead-letter id"))
                }
            }
            if errors.isEmpty { return .success(.ids(parsed)) }
        }
        return .failure(InvalidFields(errors: errors))
    }
}
