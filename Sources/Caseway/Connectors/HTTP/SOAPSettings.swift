import CasewayMapping

/// How an `http` connector talks to a SOAP partner: the envelope version, the action and which Faults
/// no retry can cure.
public struct SOAPSettings: Sendable {
    /// Decides the request Content-Type and where the action goes (1.1: `SOAPAction` header,
    /// 1.2: the `action` parameter of the Content-Type).
    public var version: SOAPVersion
    /// The operation's action URI, e.g. `urn:highways:CreateEnquiry`; optional for partners that ignore it.
    public var action: String?
    /// Fault codes that mean "this request will never be accepted", as written (`soap:Client`) or by
    /// local name (`Client`); a SOAP 1.2 subcode counts too. nil: the sender faults (1.1 `Client…`,
    /// 1.2 `Sender`) are permanent, every other fault transient.
    public var permanentFaultCodes: [String]?

    public init(version: SOAPVersion, action: String? = nil, permanentFaultCodes: [String]? = nil) {
        self.version = version
        self.action = action
        self.permanentFaultCodes = permanentFaultCodes
    }

    /// Whether `fault` is one that sending again cannot cure.
    public func isPermanent(_ fault: SOAPFault) -> Bool {
        guard let codes = permanentFaultCodes else { return fault.isSenderFault }
        let written = [fault.code, fault.codeLocalName] + fault.subcodes.flatMap { subcode in
            [subcode, subcode.split(separator: ":").last.map(String.init) ?? subcode]
        }
        return written.contains { codes.contains($0) }
    }
}
