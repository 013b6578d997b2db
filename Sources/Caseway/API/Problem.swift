import CasewayHTTP

/// The hub's problem+json answers (RFC 9457), one place for their titles and types.
enum Problem {
    static let typeBase = "https://caseway.example.org/problems/"

    static func unauthorized(_ detail: String) -> HTTPResponse {
        var response = HTTPResponse.problem(
            status: .unauthorized, title: "Unauthorized", detail: detail, type: typeBase + "unauthorized")
        // RFC 9110 §11.6.1: a 401 names the scheme the client should use.
        response.headers.add("WWW-Authenticate", "Bearer")
        return response
    }

    static func forbidden(client: String, scope: Scope) -> HTTPResponse {
        .problem(
            status: .forbidden, title: "Forbidden",
            detail: "client \"\(client)\" does not have the \"\(scope.rawValue)\" scope", type: typeBase + "forbidden")
    }

    static func notFound(_ detail: String) -> HTTPResponse {
        .problem(status: .notFound, title: "Not Found", detail: detail, type: typeBase + "not-found")
    }

    static func badRequest(_ detail: String, errors: [FieldError] = [], type: String = "invalid-request") -> HTTPResponse {
        .problem(
            status: .badRequest, title: "Bad Request", detail: detail, type: typeBase + type,
            errors: errors.map { ($0.field, $0.message) })
    }

    /// 400 for a body whose fields are not valid, each named in `errors`.
    static func invalidFields(_ errors: [FieldError]) -> HTTPResponse {
        let noun = errors.count == 1 ? "field is" : "fields are"
        return badRequest("\(errors.count) \(noun) not valid", errors: errors, type: "invalid-fields")
    }

    /// 400 for a request body with problems (unknown or missing members), each named in `errors`.
    static func invalidBody(_ errors: [FieldError]) -> HTTPResponse {
        let noun = errors.count == 1 ? "problem" : "problems"
        return badRequest("\(errors.count) \(noun) in the request body", errors: errors)
    }

    /// 400 for query parameters that are not valid, each named in `errors`.
    static func invalidQuery(_ errors: [FieldError]) -> HTTPResponse {
        let names = errors.map(\.field).joined(separator: ", ")
        return badRequest("invalid query parameter: \(names)", errors: errors, type: "invalid-query")
    }

    static func unsupportedMediaType(_ detail: String) -> HTTPResponse {
        .problem(
            status: .unsupportedMediaType, title: "Unsupported Media Type", detail: detail,
            type: typeBase + "unsupported-media-type")
    }

    static func conflict(_ detail: String) -> HTTPResponse {
        .problem(status: .conflict, title: "Conflict", detail: detail, type: typeBase + "conflict")
    }

    static func unavailable(_ detail: String) -> HTTPResponse {
        var response = HTTPResponse.problem(
            status: .serviceUnavailable, title: "Service Unavailable", detail: detail, type: typeBase + "unavailable")
        response.headers.add("Retry-After", "5")
        return response
    }
}
