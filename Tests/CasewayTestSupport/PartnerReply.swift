import CasewayHTTP

/// One scripted answer of a `ScriptedPartner`.
public enum PartnerReply: Sendable {
    /// Answer with this status, header fields and body.
    case respond(status: Int, headers: [String: String] = [:], body: [UInt8] = [])
    /// Wait `delay`, then give `reply`: a slow partner.
    indirect case delayed(Duration, PartnerReply)
    /// Never answer (until the partner stops): a hanging partner.
    case hang

    /// 200 with a JSON body.
    public static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> PartnerReply {
        .respond(status: status, headers: headers.merging(["Content-Type": "application/json"]) { mine, _ in mine }, body: Array(text.utf8))
    }

    /// A body of `text` with `contentType`.
    public static func text(_ text: String, status: Int, contentType: String = "text/plain; charset=utf-8", headers: [String: String] = [:]) -> PartnerReply {
        .respond(status: status, headers: headers.merging(["Content-Type": contentType]) { mine, _ in mine }, body: Array(text.utf8))
    }

    /// A SOAP envelope (1.1 `text/xml`, 1.2 `application/soap+xml`).
    public static func soap(_ envelope: String, status: Int = 200, version12: Bool = false) -> PartnerReply {
        text(envelope, status: status, contentType: version12 ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8")
    }

    /// An empty answer with this status.
    public static func status(_ status: Int, headers: [String: String] = [:]) -> PartnerReply {
        .respond(status: status, headers: headers)
    }
}
