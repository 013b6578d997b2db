import CasewayMapping
import CasewayStore

extension CheckedUpdate {
    /// SHA-256 of the fields in a fixed order and form, stored as the update's body hash.
    ///
    /// A retry is recognised by what it says, not by its bytes: a sender whose JSON library orders keys
    /// differently or spaces them anew on each try must get its first update back, not a 409.
    var fingerprint: [UInt8] {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        let object = JSONObject([
            "update_id": .string(updateID), "status": .string(status.rawValue),
            "external_status_code": optional(externalStatusCode), "description": optional(description),
            "updated_at": .string(updatedAt), "reference": optional(reference),
        ])
        return SHA256.hash(JSONWriter().bytes(.object(object)))
    }
}
