import Foundation

/// The `Authorization` an `http` connector sends, secrets already read from the environment.
public enum HTTPAuthentication: Sendable, Equatable, CustomStringConvertible {
    case basic(username: String, password: String)
    case bearer(token: String)

    /// The `Authorization` header value.
    public var headerValue: String {
        switch self {
        case .basic(let username, let password):
            // RFC 7617: user-id ":" password, UTF-8, base64.
            "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
        case .bearer(let token):
            "Bearer " + token
        }
    }

    /// Never shows the secret, so settings can be printed in logs and test failures.
    public var description: String {
        switch self {
        case .basic(let username, _): "basic(\(username), password: ***)"
        case .bearer: "bearer(***)"
        }
    }
}
