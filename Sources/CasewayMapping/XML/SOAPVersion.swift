/// A SOAP version, with the envelope namespace and content type that identify it.
public enum SOAPVersion: String, Sendable, Hashable, CaseIterable {
    case soap11 = "1.1"
    case soap12 = "1.2"

    /// The namespace of `Envelope`, `Header`, `Body` and `Fault`.
    public var envelopeNamespace: String {
        switch self {
        case .soap11: "http://schemas.xmlsoap.org/soap/envelope/"
        case .soap12: "http://www.w3.org/2003/05/soap-envelope"
        }
    }

    /// The version whose envelope namespace is `namespace`.
    public init?(envelopeNamespace namespace: String) {
        guard let version = Self.allCases.first(where: { $0.envelopeNamespace == namespace }) else { return nil }
        self = version
    }

    /// The request Content-Type. SOAP 1.1 carries the action in a separate `SOAPAction` header;
    /// SOAP 1.2 carries it here.
    public func contentType(action: String? = nil) -> String {
        switch self {
        case .soap11: return "text/xml; charset=utf-8"
        case .soap12:
            guard let action else { return "application/soap+xml; charset=utf-8" }
            return "application/soap+xml; charset=utf-8; action=\"\(action)\""
        }
    }
}
