import CasewayHTTP
import CasewayMapping
import Foundation

extension HTTPConnectorSettings {
    /// How a delivery ended, judged from the partner's answer. Pure: the transport's tests and the
    /// documentation's classification table both rest on this one function.
    ///
    /// Order matters: a SOAP Fault decides first whatever the status (SOAP 1.1 sends them with 500,
    /// some partners with 200); then a success status; then redirects, the retryable statuses, the rest.
    public func outcome(of answer: PartnerAnswer, connector: String, now: Date = Date()) -> DeliveryResult {
        let status = answer.status
        let head = "\(connector): \(method.rawValue) \(displayURL) answered \(HTTPStatus(code: status))"
        if soap != nil, let fault = soapFault(in: answer.body) {
            return .failed(faultFailure(fault, head: head, answer: answer, now: now))
        }
        if isSuccess(status) {
            return .delivered(reference: reference.flatMap { extractReference($0, from: answer) }, httpStatus: status)
        }
        let excerpt = answer.body.isEmpty ? "" : ": " + ResponseExcerpt.make(answer.body)
        switch status {
        case 300...399:
            let location = answer[header: "Location"].map { " to \(ResponseExcerpt.make(Array($0.utf8)))" } ?? ""
            return .failed(
                DeliveryFailure(
                    .permanent, "\(head), a redirect\(location); redirects are not followed: set url to the final address",
                    httpStatus: status))
        case 408, 429, 500...599:
            let retryAfter = answer[header: "Retry-After"].flatMap { RetryAfter.parse($0, now: now) }
            let wait = retryAfter.map { ", Retry-After \(DurationText.format($0))" } ?? ""
            return .failed(DeliveryFailure(.transient, head + wait + excerpt, httpStatus: status, retryAfter: retryAfter))
        case 200...299:
            return .failed(DeliveryFailure(.permanent, "\(head), which is not among success_statuses\(excerpt)", httpStatus: status))
        default:
            return .failed(DeliveryFailure(.permanent, head + excerpt, httpStatus: status))
        }
    }

    /// The reference at `reference` in a successful answer, or nil when the answer has none there or
    /// cannot be read. The delivery stays delivered either way: the partner accepted it, and sending it
    /// again would create a second enquiry for a missing reference.
    public func extractReference(_ reference: ResponseReference, from answer: PartnerAnswer) -> String? {
        guard !answer.bodyTruncated else { return nil }
        switch reference {
        case .json(let path):
            guard let document = try? JSONValue(parsing: answer.body), let value = path.evaluate(document) else {
                return nil
            }
            return Self.referenceText(value)
        case .xpath(let expression):
            guard let document = try? XMLDocument(parsing: answer.body, sourceName: "answer"),
                let value = try? expression.evaluate(in: document)
            else { return nil }
            switch value {
            case .nodes(let nodes): return nodes.first.flatMap { Self.nonEmpty($0.textContent) }
            case .string(let text): return Self.nonEmpty(text)
            case .number(let number):
                // XPath numbers are doubles: an enquiry number 48213 must not come back as "48213.0".
                guard number.isFinite else { return nil }
                return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            case .boolean: return nil
            }
        }
    }

    private static func referenceText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): nonEmpty(text)
        case .number(let number): number.text
        case .array(let items): items.first.flatMap(referenceText)
        default: nil
        }
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // A reference goes into the store and into API answers: keep it one short line.
        guard !trimmed.isEmpty, trimmed.utf8.count <= 256, !trimmed.contains(where: \.isNewline) else { return nil }
        return trimmed
    }

    /// The SOAP Fault in `body`, if it is a SOAP envelope with one.
    private func soapFault(in body: [UInt8]) -> SOAPFault? {
        guard !body.isEmpty, let document = try? XMLDocument(parsing: body, sourceName: "answer") else { return nil }
        return try? SOAPFault.detect(in: document)
    }

    private func faultFailure(_ fault: SOAPFault, head: String, answer: PartnerAnswer, now: Date) -> DeliveryFailure {
        let permanent = soap?.isPermanent(fault) ?? false
        let reason = ResponseExcerpt.make(Array(fault.reason.utf8))
        let code = ResponseExcerpt.make(Array(fault.code.utf8))
        let retryAfter = permanent ? nil : answer[header: "Retry-After"].flatMap { RetryAfter.parse($0, now: now) }
        return DeliveryFailure(
            permanent ? .permanent : .transient, "\(head) with SOAP Fault \(code): \(reason)", httpStatus: answer.status,
            retryAfter: retryAfter)
    }
}
