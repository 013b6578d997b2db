import CasewayMapping
import Foundation

/// A stored body as JSON: as text when it is valid UTF-8, else base64; `encoding` says which.
enum PayloadView {
    static func json(_ bytes: [UInt8], contentType: String?) -> JSONValue {
        var object = JSONObject()
        object["content_type"] = contentType.map(JSONValue.string) ?? .null
        object["bytes"] = .number(JSONNumber(bytes.count))
        if let text = String(validating: bytes, as: UTF8.self) {
            object["encoding"] = .string("utf-8")
            object["content"] = .string(text)
        } else {
            object["encoding"] = .string("base64")
            object["content"] = .string(Data(bytes).base64EncodedString())
        }
        return .object(object)
    }
}
