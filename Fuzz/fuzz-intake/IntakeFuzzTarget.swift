import Caseway
import CasewayFuzzing
import CasewayMapping

/// Every intake check on one body: media type, strict JSON and native-request validation, XML with DTD
/// refusal and the sender's reference by XPath. Whatever the body, it is accepted or refused with a
/// reason, never a trap, and memory stays bounded (libFuzzer's -rss_limit_mb).
///
/// Input: byte 0 chooses the Content-Type (see Fuzz/README.md), the rest is the body.
@main
enum IntakeFuzzTarget: FuzzTarget {
    /// The checks as configured in caseway.json5, compiled once rather than per input.
    static let check: IntakeCheck? = {
        let namespaces = ["crm": "urn:example:kestrel-vale:crm:service-request:2"]
        guard let reference = try? XPathExpression("/crm:ServiceRequest/crm:Source/@reference", namespaces: namespaces) else {
            return nil
        }
        return IntakeCheck(settings: IntakeSettings(xmlSenderReference: reference))
    }()

    static func fuzz(_ input: UnsafeRawBufferPointer) {
        guard let check, let selector = input.first else {
            FuzzCheck.require(check != nil, "the sender-reference XPath does not compile")
            return
        }
        var body = Array(input.dropFirst())
        let contentType: String?
        switch selector {
        case UInt8(ascii: "j"): contentType = "application/json; charset=utf-8"
        case UInt8(ascii: "x"): contentType = "application/xml"
        case UInt8(ascii: "t"): contentType = "text/xml; charset=UTF-8"
        case UInt8(ascii: "c"):
            // The Content-Type itself is fuzzed: the first line is the header value, the rest the body.
            let line = body.prefix(while: { $0 != UInt8(ascii: "\n") })
            contentType = String(decoding: line, as: UTF8.self)
            body = Array(body.dropFirst(line.count + 1))
        default: contentType = selector % 2 == 0 ? "application/json" : "application/xml"
        }
        let submission = CaseSubmission(client: "fuzz", contentType: contentType, body: body, idempotencyKey: nil)
        do {
            let reference = try check.check(submission).senderReference
            // An accepted reference names files and appears in logs: it must pass the reference rules.
            if let reference {
                FuzzCheck.require(ServiceRequestValidator.referenceProblem(reference) == nil, "accepted reference \(reference)")
            }
        } catch {
            // A refusal is an answer; what matters is that it came without a trap.
        }
    }
}
