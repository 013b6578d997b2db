/// How the end of a request's content is found (RFC 9112 §6.3).
enum HTTPBodyFraming: Equatable, Sendable {
    /// No Content-Length and no Transfer-Encoding: the request has no content (§6.3 rule 7).
    case none
    /// Exactly this many bytes follow the header section (§6.3 rule 6).
    case length(Int)
    /// The chunked transfer coding (§7.1).
    case chunked

    /// Whether content bytes follow the header section.
    var hasContent: Bool {
        switch self {
        case .none, .length(0): false
        case .length, .chunked: true
        }
    }
}
