import CasewayMapping
import CasewayStore
import Foundation
import Testing

@testable import Caseway

/// The intake's checks, idempotency and durability, without HTTP in the way.
struct CaseIntakeTests {
    static let crmNamespace = "urn:example:kestrel-vale:crm:service-request:2"
    /// The project's own copy of a CRM request, modelled on the fixtures' missed-bin.xml.
    static let missedBin = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ServiceRequest xmlns="\(crmNamespace)" version="2.3">
          <Source system="kv-contact-centre-crm" reference="CRM-00731942" channel="telephone"/>
          <Service code="WS_MISS">Missed bin collection</Service>
          <Description><![CDATA[Grey bin missed again — paid £25 for a lid & says "don't record it" <3 weeks]]></Description>
          <Reporter><Name forename="Siobhán" surname="O’Donnell"/></Reporter>
        </ServiceRequest>
        """

    let folder: TemporaryDirectory
    let intake: CaseIntake

    init() throws {
        folder = try TemporaryDirectory()
        let store = try Store(directory: folder.path + "/data")
        let reference = try XPathExpression("/crm:ServiceRequest/crm:Source/@reference", namespaces: ["crm": Self.crmNamespace])
        intake = CaseIntake(store: store, settings: IntakeSettings(xmlSenderReference: reference), clock: ManualClock(
            Timestamp(millisecondsSinceEpoch: 1_792_000_000_000)))
    }

    func submit(_ body: String, type: String? = "application/json", key: String? = nil, client: String = "webforms")
        async throws(CaseIntakeError) -> CaseIntakeOutcome
    {
        try await intake.submit(CaseSubmission(client: client, contentType: type, body: Array(body.utf8), idempotencyKey: key))
    }

    func storedCaseCount() async throws -> Int64 {
        try await intake.store.read { try $0.scalar("SELECT count(*) FROM cases", as: Int64.self) ?? -1 }
    }

    func refusal(_ body: [UInt8], type: String = "application/json") async -> CaseIntakeError? {
        do {
            _ = try await intake.submit(CaseSubmission(client: "webforms", contentType: type, body: body, idempotencyKey: nil))
            return nil
        } catch {
            return error
        }
    }

    @Test func jsonCase_IsStoredWithItsBodyReferenceAndClient() async throws {
        guard case .accepted(let record, _) = try await submit(ServiceRequestValidatorTests.pothole) else {
            Issue.record("not accepted")
            return
        }
        let stored = try await intake.store.read { try $0.fetchCase(id: record.id) }
        #expect(stored?.body == Array(ServiceRequestValidatorTests.pothole.utf8))
        #expect(stored?.senderReference == "WF-26-118342")
        #expect(stored?.client == "webforms")
        #expect(stored?.contentType == "application/json")
    }

    @Test func xmlCase_TakesItsReferenceThroughTheConfiguredXPath() async throws {
        guard case .accepted(let record, _) = try await submit(Self.missedBin, type: "application/xml; charset=UTF-8") else {
            Issue.record("not accepted")
            return
        }
        #expect(record.senderReference == "CRM-00731942")
        #expect(record.contentType == "application/xml; charset=utf-8")
    }

    @Test func sameKeySameBody_ReturnsTheFirstCase() async throws {
        let first = try await submit(ServiceRequestValidatorTests.pothole, key: "wf-118342")
        let second = try await submit(ServiceRequestValidatorTests.pothole, key: "wf-118342")
        guard case .accepted(let created, _) = first, case .repeated(let repeated, _) = second else {
            Issue.record("expected accepted then repeated, got \(first) then \(second)")
            return
        }
        #expect(created.id == repeated.id)
        #expect(try await storedCaseCount() == 1)
        // Keys are per client: another client may use the same key for its own case.
        guard case .accepted = try await submit(ServiceRequestValidatorTests.pothole, key: "wf-118342", client: "crm") else {
            Issue.record("another client's key collided")
            return
        }
    }

    @Test func sameKeyDifferentBody_IsAConflictNamingTheFirstCase() async throws {
        guard case .accepted(let created, _) = try await submit(ServiceRequestValidatorTests.pothole, key: "k-1") else {
            Issue.record("not accepted")
            return
        }
        let other = ServiceRequestValidatorTests.pothole.replacingOccurrences(of: "Large pothole", with: "Small pothole")
        await #expect(throws: CaseIntakeError.idempotencyKeyReused(caseID: created.id)) {
            try await submit(other, key: "k-1")
        }
        #expect(try await storedCaseCount() == 1)
    }

    @Test func concurrentRetriesOfOneSubmission_CreateOneCase() async throws {
        let intake = self.intake
        let submission = CaseSubmission(
            client: "webforms", contentType: "application/json", body: Array(ServiceRequestValidatorTests.pothole.utf8),
            idempotencyKey: "race")
        let outcomes = await withTaskGroup(of: CaseIntakeOutcome?.self) { group in
            for _ in 0..<20 {
                group.addTask { try? await intake.submit(submission) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let ids = Set(outcomes.compactMap { outcome -> RecordID? in
            switch outcome {
            case .accepted(let record, _)?, .repeated(let record, _)?: record.id
            case nil: nil
            }
        })
        #expect(ids.count == 1)
        #expect(outcomes.count == 20)
        #expect(try await storedCaseCount() == 1)
    }

    @Test func badBodies_AreRefusedWithTheReasonAndNothingIsStored() async throws {
        var utf16: [UInt8] = [0xFF, 0xFE]
        for byte in #"{"service_code":"HW_POT"}"#.utf8 { utf16 += [byte, 0] }
        let cases: [(body: [UInt8], type: String, expected: String)] = [
            (Array(#"{"service_code": "HW_POT", "description": "Large pot"#.utf8), "application/json", "unexpected end"),
            (Array(#"{"service_code": "HW_POT", "service_code": "WS_FLY"}"#.utf8), "application/json", "duplicate key \"service_code\""),
            (utf16, "application/json; charset=utf-8", "UTF-8"),
            (Array(("{\"service_code\":\"HW_POT\",\"attributes\":" + String(repeating: "{\"a\":", count: 100_000) + "1"
                + String(repeating: "}", count: 100_000) + "}").utf8), "application/json", "nesting too deep"),
            (Array("""
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <r>&xxe;</r>
                """.utf8), "application/xml", "DTD not allowed"),
            (Array("""
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <lolz>&lol2;</lolz>
                """.utf8), "application/xml", "DTD not allowed"),
            (Array("<ServiceRequest>\n  <Description>fish & chips</Description>\n  <Location>\n</ServiceRequest>".utf8),
             "application/xml", "2:"),
        ]
        for (body, type, expected) in cases {
            let refused = await refusal(body, type: type)
            guard case .malformed(let message)? = refused else {
                Issue.record("expected malformed for \(expected), got \(String(describing: refused))")
                continue
            }
            #expect(message.contains(expected), "\(message)")
        }
        #expect(try await storedCaseCount() == 0)
    }

    @Test func unsupportedTypesAndCharsets_Are415() async throws {
        for (type, expected) in [
            ("text/plain", "text/plain is not supported"), ("application/json; charset=utf-16", "charset utf-16"),
            ("nonsense", "Content-Type"),
        ] {
            guard case .unsupportedMediaType(let message)? = await refusal(Array("{}".utf8), type: type) else {
                Issue.record("\(type) was not refused as unsupported")
                continue
            }
            #expect(message.contains(expected), "\(message)")
        }
        await #expect(throws: CaseIntakeError.unsupportedMediaType("a Content-Type of application/json or application/xml is required")) {
            try await submit("{}", type: nil)
        }
    }

    @Test func wrongFields_AreAllListed() async throws {
        let body = #"{ "schema": "caseway.service-request/1", "location": { "lat": "abc" }, "photos": "x" }"#
        guard case .invalid(let problems)? = await refusal(Array(body.utf8)) else {
            Issue.record("not refused as invalid")
            return
        }
        #expect(problems.map(\.field) == ["/service_code", "/location/lat", "/photos"])
        #expect(try await storedCaseCount() == 0)
    }

    @Test func hostileIdempotencyKeys_AreRefused() async throws {
        for key in ["", String(repeating: "k", count: 256), "has space", "tab\tkey"] {
            await #expect(throws: CaseIntakeError.self) { try await submit(ServiceRequestValidatorTests.pothole, key: key) }
        }
        #expect(try await storedCaseCount() == 0)
    }
}
