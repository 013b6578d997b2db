import CasewayMapping
import CasewayStore

/// The JSON bodies of the ack, release and reject requests, checked: every member at fault is named.
struct QueueSettleRequest {
    static let maxReceipts = 100
    static let maxDelaySeconds = 43_200

    /// The receipts of a batch request (`receipts`), as written; a malformed one is answered per receipt.
    var receipts: [String] = []
    /// How long a released message waits before it is ready again (`delay_seconds`, default 0).
    var delay = Duration.zero
    /// The consumer's reason code for a reject (`code`).
    var code = ""
    /// The consumer's reason for a reject, for the people who read the dead letter (`reason`).
    var reason = ""
    /// The body's members, for the update an ack may carry (`status`, `reference`, …), read by `UpdateCheck`.
    var members = JSONObject()
    /// For a batch ack, each receipt's own update members when it was given as an object
    /// (`{"receipt": …, "status": …}`); nil for a receipt given as a string.
    var receiptMembers: [JSONObject?] = []

    /// Reads `body` with the members `allowed`, of which `required` must be present; an empty body
    /// reads as `{}`.
    static func parse(_ body: [UInt8], allowed: [String], required: [String]) -> Result<QueueSettleRequest, InvalidFields> {
        let object: JSONObject
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 }) {
            object = JSONObject()
        } else {
            do {
                guard let parsed = try JSONValue(parsing: body).objectValue else {
                    return .failure(InvalidFields(errors: [FieldError(field: "body", message: "must be a JSON object")]))
                }
                object = parsed
            } catch {
                return .failure(InvalidFields(errors: [FieldError(field: "body", message: "not JSON: \(error)")]))
            }
        }
        var parsed = QueueSettleRequest()
        parsed.members = object
        var errors: [FieldError] = []
        for key in object.keys where !allowed.contains(key) {
            errors.append(FieldError(field: key, message: "unknown member; known: \(allowed.joined(separator: ", "))"))
        }
        for key in required where object[key] == nil {
            errors.append(FieldError(field: key, message: "is required"))
        }
        if let value = object["receipts"] {
            // An ack's receipt may come as an object with the update members it carries, which the body's own
            // members (shared by every receipt) may also give.
            let itemMembers = allowed.filter { UpdateCheck.acknowledgementFields.contains($0) }
            if let items = value.arrayValue, (1...maxReceipts).contains(items.count) {
                for (index, item) in items.enumerated() {
                    if let receipt = item.stringValue {
                        parsed.receipts.append(receipt)
                        parsed.receiptMembers.append(nil)
                    } else if !itemMembers.isEmpty, let members = item.objectValue, let receipt = members["receipt"]?.stringValue {
                        for key in members.keys where key != "receipt" && !itemMembers.contains(key) {
                            errors.append(FieldError(
                                field: "receipts/\(index)/\(key)", message: "unknown member; known: receipt, \(itemMembers.joined(separator: ", "))"))
                        }
                        parsed.receipts.append(receipt)
                        parsed.receiptMembers.append(members)
                    } else {
                        let form = itemMembers.isEmpty ? "a string" : "a string, or an object with a \"receipt\" string"
                        errors.append(FieldError(field: "receipts/\(index)", message: "must be a receipt: \(form)"))
                    }
                }
            } else {
                errors.append(FieldError(field: "receipts", message: "must be an array of 1 to \(maxReceipts) receipts"))
            }
        }
        if let value = object["delay_seconds"] {
            if let seconds = value.numberValue?.intValue, (0...maxDelaySeconds).contains(seconds) {
                parsed.delay = .seconds(seconds)
            } else {
                errors.append(FieldError(field: "delay_seconds", message: "must be a whole number of seconds from 0 to \(maxDelaySeconds)"))
            }
        }
        if let value = object["code"] {
            if let code = value.stringValue, !code.isEmpty, code.utf8.count <= 64 {
                parsed.code = code
            } else {
                errors.append(FieldError(field: "code", message: "must be a reason code of 1 to 64 characters"))
            }
        }
        if let value = object["reason"] {
            if let reason = value.stringValue, !reason.isEmpty, reason.utf8.count <= 2000 {
                parsed.reason = reason
            } else {
                errors.append(FieldError(field: "reason", message: "must be text of 1 to 2000 bytes"))
            }
        }
        return errors.isEmpty ? .success(parsed) : .failure(InvalidFields(errors: errors))
    }
}
