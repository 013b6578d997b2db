import CasewayMapping
import Foundation
import Testing

@testable import Caseway

/// The classification of partner answers, without a network: the table docs/connectors-http.md documents.
struct HTTPConnectorOutcomeTests {
    typealias Fixtures = HTTPConnectorFixtures
    /// Sun, 06 Nov 1994 08:49:37 GMT, the RFC's own example date.
    static let now = Date(timeIntervalSince1970: 784_111_777)

    func settings(_ fields: String = "") throws -> HTTPConnectorSettings {
        try #require(Fixtures.settings(fields.isEmpty ? #"method: "POST""# : fields, url: "https://highways.example.org/enquiries?key=secret"))
    }

    @Test(arguments: [
        ("120", Duration.seconds(120)),
        (" 0 ", .zero),
        ("Sun, 06 Nov 1994 08:51:37 GMT", .seconds(120)),
        ("Sunday, 06-Nov-94 08:50:37 GMT", .seconds(60)),
        ("Sun Nov  6 08:50:07 1994", .seconds(30)),
        ("Sun, 06 Nov 1994 08:00:00 GMT", .zero),
    ])
    func retryAfter_BothFormsAreRead(value: String, expected: Duration) {
        #expect(RetryAfter.parse(value, now: Self.now) == expected)
    }

    @Test(arguments: ["soon", "-5", "1.5", ""])
    func retryAfter_GarbageIsIgnored(value: String) throws {
        #expect(RetryAfter.parse(value, now: Self.now) == nil)
        let result = try settings().outcome(of: PartnerAnswer(status: 503, headers: ["retry-after": value]), connector: "c", now: Self.now)
        guard case .failed(let failure) = result else {
            Issue.record("a 503 is a failure")
            return
        }
        #expect(failure.kind == .transient)
        #expect(failure.retryAfter == nil)
    }

    @Test func message_NeverShowsTheQueryString() throws {
        let result = try settings().outcome(of: PartnerAnswer(status: 500), connector: "county", now: Self.now)
        #expect(result == .failed(DeliveryFailure(
            .transient, "county: POST https://highways.example.org/enquiries answered 500 Internal Server Error", httpStatus: 500)))
    }

    @Test func excerpt_EscapesControlsAndCutsOnACharacterBoundary() {
        #expect(ResponseExcerpt.make(Array("a\u{1b}[31mb\r\nc\u{2028}".utf8)) == "a\\u{1b}[31mb\\r\\nc\\u{2028}")
        let long = String(repeating: "é", count: 150)  // 300 bytes: byte 200 falls inside no character, 199 would
        let excerpt = ResponseExcerpt.make(Array(long.utf8))
        #expect(excerpt == String(repeating: "é", count: 100) + "…")
        let odd = "x" + long
        #expect(ResponseExcerpt.make(Array(odd.utf8)) == "x" + String(repeating: "é", count: 99) + "…")
    }

    @Test func reference_FromNumbersArraysAndXPathValues() throws {
        let json = try settings(#"reference: { json: "$.ids" }"#)
        #expect(json.outcome(of: PartnerAnswer(status: 200, body: Array(#"{"ids":[48213,2]}"#.utf8)), connector: "c")
            == .delivered(reference: "48213", httpStatus: 200))
        #expect(json.outcome(of: PartnerAnswer(status: 200, body: Array(#"{"ids":"  "}"#.utf8)), connector: "c")
            == .delivered(reference: nil, httpStatus: 200), "a blank reference is no reference")
        let xpath = try settings(#"reference: { xpath: "number(//Id)" }"#)
        #expect(xpath.outcome(of: PartnerAnswer(status: 200, body: Array("<r><Id>48213</Id></r>".utf8)), connector: "c")
            == .delivered(reference: "48213", httpStatus: 200))
        #expect(xpath.outcome(of: PartnerAnswer(status: 200, body: Array("<r><Id>4".utf8)), connector: "c")
            == .delivered(reference: nil, httpStatus: 200), "malformed XML: delivered, no reference")
    }

    @Test func soapFault_WithoutSoapSettings_IsJudgedByStatusAlone() throws {
        let body = Array(Fixtures.soap11Fault(code: "soap:Client", reason: "no").utf8)
        let result = try settings().outcome(of: PartnerAnswer(status: 500, body: body), connector: "c", now: Self.now)
        guard case .failed(let failure) = result else {
            Issue.record("a 500 is a failure")
            return
        }
        #expect(failure.kind == .transient)
        #expect(!failure.message.contains("SOAP Fault"))
    }
}
