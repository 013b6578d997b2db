import CasewayHTTP

extension Problem {
    /// 422: a well-formed update whose status is not a word of the vocabulary; the detail lists the allowed ones.
    static func unknownStatus(_ message: String) -> HTTPResponse {
        .problem(
            status: .unprocessableContent, title: "Unprocessable Content",
            detail: "status is not in the vocabulary; allowed: \(UpdateStatus.allowedList)", type: typeBase + "unknown-status",
            errors: [("/status", message)])
    }

    /// 403 for a client holding none of the scopes that would let it in.
    static func forbidden(client: String, anyOf scopes: [Scope]) -> HTTPResponse {
        let names = scopes.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        return .problem(
            status: .forbidden, title: "Forbidden", detail: "client \"\(client)\" needs one of the scopes \(names)",
            type: typeBase + "forbidden")
    }
}
