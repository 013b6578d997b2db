import CasewayMapping
import Foundation

/// The `http` kind: each delivery is one request to an HTTP or SOAP partner (a county highways system,
/// a partner council), judged by its status, its SOAP Fault if any, and the reference it answers with.
///
/// Everything is checked when the configuration loads, secrets included, so a delivery can only fail
/// because of the partner, never because of a typo.
public struct HTTPConnectorSettings: ConnectorKindSettings {
    public static var kind: ConnectorKindName { .http }
    public static var fields: [String] {
        ["url", "method", "headers", "timeouts", "auth", "success_statuses", "reference", "soap"]
    }
    public static var requiredFields: [String] { ["url"] }

    /// Where every delivery goes: an `http` or `https` URL without credentials or fragment.
    public var url: URL
    /// The request method; default POST.
    public var method: HTTPDeliveryMethod
    /// Extra request header fields, secrets already read from the environment; in the order written.
    public var headers: [(name: String, value: String)]
    /// How long to wait for the partner.
    public var timeouts: HTTPTimeouts
    /// The `Authorization` the partner wants, if any.
    public var authentication: HTTPAuthentication?
    /// Statuses that mean the partner took the delivery; nil means any 2xx.
    public var successStatuses: Set<Int>?
    /// Where the back office's own reference is in a successful answer, if it gives one.
    public var reference: ResponseReference?
    /// SOAP framing and Fault rules, for SOAP partners.
    public var soap: SOAPSettings?

    public init(
        url: URL, method: HTTPDeliveryMethod = .post, headers: [(name: String, value: String)] = [],
        timeouts: HTTPTimeouts = HTTPTimeouts(), authentication: HTTPAuthentication? = nil,
        successStatuses: Set<Int>? = nil, reference: ResponseReference? = nil, soap: SOAPSettings? = nil
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.timeouts = timeouts
        self.authentication = authentication
        self.successStatuses = successStatuses
        self.reference = reference
        self.soap = soap
    }

    /// Whether `status` means the partner took the delivery.
    public func isSuccess(_ status: Int) -> Bool {
        successStatuses.map { $0.contains(status) } ?? (200...299).contains(status)
    }

    /// The URL as messages show it: scheme, host, port and path, never a query string (which some
    /// partners use for API keys).
    public var displayURL: String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "(url)" }
        components.user = nil
        components.password = nil
        components.query = nil
        components.fragment = nil
        return components.string ?? "(url)"
    }

    public func makeTransport(connector: String) throws -> (any DeliveryTransport)? {
        HTTPTransport(connector: connector, settings: self)
    }
}
