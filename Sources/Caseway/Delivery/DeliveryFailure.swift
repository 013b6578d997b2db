/// Why a send failed, and whether trying again can help.
public struct DeliveryFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Whether a later try can succeed.
    public enum Kind: String, Sendable, Equatable {
        /// Worth another try later: timeouts, refused connections, 5xx, 408, 429, a full disk.
        case transient
        /// Trying again cannot help: 4xx, a SOAP Fault marked permanent, a mapping error.
        case permanent
    }

    public var kind: Kind
    /// What went wrong, for operators: names the status, file or field at fault. Never the payload.
    public var message: String
    /// The HTTP status, when the far side answered over HTTP.
    public var httpStatus: Int?
    /// How long the far side asked us to wait (`Retry-After`), when it said.
    public var retryAfter: Duration?

    public init(_ kind: Kind, _ message: String, httpStatus: Int? = nil, retryAfter: Duration? = nil) {
        self.kind = kind
        self.message = message
        self.httpStatus = httpStatus
        self.retryAfter = retryAfter
    }

    public var description: String { message }
}
