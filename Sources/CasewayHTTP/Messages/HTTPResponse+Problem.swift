extension HTTPResponse {
    /// An `application/problem+json` error response (RFC 9457) with `type`, `title`, `status`, `detail`
    /// and, when fields are at fault, `errors: [{field, message}]`.
    public static func problem(
        status: HTTPStatus,
        title: String? = nil,
        detail: String? = nil,
        type: String = "about:blank",
        errors: [(field: String, message: String)] = []
    ) -> HTTPResponse {
        var json = JSONText()
        json.beginObject()
        json.member("type", string: type)
        json.member("title", string: title ?? status.reasonPhrase)
        json.member("status", integer: status.code)
        if let detail { json.member("detail", string: detail) }
        if !errors.isEmpty {
            json.key("errors")
            json.beginArray()
            for error in errors {
                json.beginObject()
                json.member("field", string: error.field)
                json.member("message", string: error.message)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
        return HTTPResponse(status: status, headers: ["Content-Type": "application/problem+json"], body: json.bytes)
    }
}
