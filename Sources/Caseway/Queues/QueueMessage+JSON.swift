import CasewayMapping
import Foundation

extension QueueMessage {
    /// The message as `GET /v1/queues/{connector}/messages` shows it; the body is text when it is UTF-8,
    /// else base64, and `encoding` says which (so a JSON or XML payload reads as itself).
    var json: JSONValue {
        var object = JSONObject()
        object["receipt"] = .string(receipt.description)
        object["delivery_id"] = .string(deliveryID.text)
        object["case_id"] = .string(caseID.text)
        object["receive_count"] = .number(JSONNumber(receiveCount))
        object["visible_again_at"] = .string(visibleAgainAt.description)
        object["content_type"] = .string(contentType)
        if let text = String(validating: body, as: UTF8.self) {
            object["encoding"] = .string("utf-8")
            object["body"] = .string(text)
        } else {
            object["encoding"] = .string("base64")
            object["body"] = .string(Data(body).base64EncodedString())
        }
        return .object(object)
    }
}
