/// The request methods an `http` connector may use: each creates or replaces something at the partner.
public enum HTTPDeliveryMethod: String, Sendable, CaseIterable {
    case post = "POST"
    case put = "PUT"
    case patch = "PATCH"
}
