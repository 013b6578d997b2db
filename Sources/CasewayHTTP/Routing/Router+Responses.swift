extension Router {
    /// The problem+json 404 for a path no route matches.
    public static func notFoundResponse(path: String) -> HTTPResponse {
        .problem(status: .notFound, detail: "No resource at \(path.prefix(200)).")
    }

    /// The problem+json 405 listing the methods the path does answer in `Allow` (RFC 9110 §15.5.6).
    public static func methodNotAllowedResponse(method: HTTPMethod, allowed: [HTTPMethod]) -> HTTPResponse {
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        var response = HTTPResponse.problem(
            status: .methodNotAllowed,
            detail: "\(method.rawValue.prefix(32)) is not allowed here; allowed: \(list)."
        )
        response.headers.add("Allow", list)
        return response
    }

    /// The problem+json 400 for a path that does not percent-decode.
    public static func invalidPathResponse() -> HTTPResponse {
        .problem(status: .badRequest, detail: "The request path has a malformed percent-escape or is not UTF-8.")
    }
}
