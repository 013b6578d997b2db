import CasewayHTTP

extension Problem {
    /// 422: a well-formed update whose status is not a word of the vocabulary; the detail lists the allowed ones.
    static func unknownStatus(_ errors: [FieldError]) -> HTTPResponse {
        .problem(
            status: .unprocessableContent, title: "Unprocessable Content",
            detail: "status is not in the vocabulary; allowed: \(UpdateStatus.allowedList)", type: typeBase + "unknown-status",
            errors: errors.map { ($0.field, $0.message) })
    }

    /// 422: well-formed XML that the client's update mapping could not turn into an update; each field at fault.
    static func unmappableUpdate(mapping: String, _ errors: [FieldError]) -> HTTPResponse {
        .problem(
            status: .unprocessableContent, title: "Unprocessable Content",
            detail: "the update mapping \(mapping) could not map the body: \(errors.count == 1 ? "1 field" : "\(errors.count) fields") at fault",
            type: typeBase + "unmappable-update", errors: errors.map { ($0.field, $0.message) })
    }

    /// 403 for a client holding none of the scopes that would let it in.
    static func forbidden(client: String, anyOf scopes: [Scope]) -> HTTPResponse {
        let names = scopes.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        return .problem(
            status: .forbidden, title: "Forbidden", detail: "client \"\(client)\" needs one of the scopes \(names)",
            type: typeBase + "forbidden")
    }
}
