import CasewayMapping
import CasewayStore
import CasewayTestSupport
import Foundation
import Testing

@testable import Caseway

/// The http transport against a scripted loopback partner: what it sends, and how each answer (or its
/// absence) ends the delivery.
struct HTTPConnectorTransportTests {
    typealias Fixtures = HTTPConnectorFixtures
    static let fast = #"timeouts: { connect: "400ms", total: "800ms" }"#

    /// Starts `partner`, sends `parcel` through a connector with `fields` pointing at it, stops the partner.
    func deliver(
        _ fields: String = fast, to partner: ScriptedPartner, path: String = "/enquiries",
        parcel: Parcel? = Fixtures.parcel(), environment: [String: String] = [:]
    ) async throws -> DeliveryResult {
        try partner.start()
        let settings = try #require(Fixtures.settings(fields, url: partner.url(path: path), environment: environment))
        let transport = try #require(try settings.makeTransport(connector: "county-highways"))
        let result = await transport.send(try #require(parcel))
        await partner.stop()
        return result
    }

    func failureOf(_ result: DeliveryResult) -> DeliveryFailure? {
        if case .failed(let failure) = result { return failure }
        Issue.record(Comment(rawValue: "expected a failure, got \(result)"))
        return nil
    }

    @Test func jsonPartner_DeliveredWithReferenceAndEveryHeader() async throws {
        let partner = ScriptedPartner(script: [.json(#"{"reference":"HE-2026-1","status":"logged"}"#, status: 201)])
        let result = try await deliver(
            #"reference: { json: "$.reference" }, headers: { "X-Api-Key": { env: "KEY" } }, auth: { bearer: { token_env: "TOKEN" } }"#,
            to: partner, environment: ["KEY": "key-1", "TOKEN": "tok-1"])
        #expect(result == .delivered(reference: "HE-2026-1", httpStatus: 201))
        let request = try #require(partner.requests.first)
        #expect(partner.requestCount == 1)
        #expect(request.method == "POST")
        #expect(request.path == "/enquiries")
        #expect(request.text == #"{"category":"street-lighting"}"#)
        #expect(request.header("Idempotency-Key") == Fixtures.deliveryID?.text)
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.header("User-Agent") == "caseway/\(CasewayVersion.current)")
        #expect(request.header("Authorization") == "Bearer tok-1")
        #expect(request.header("X-Api-Key") == "key-1")
        #expect(request.header("SOAPAction") == nil)
    }

    @Test func soap11Partner_GetsSOAPActionAndBasicAuth_ReferenceByXPath() async throws {
        let partner = ScriptedPartner(script: [.soap(Fixtures.soap11Response)])
        let fields = """
            method: "PUT", auth: { basic: { username: "caseway", password_env: "PW" } },
            soap: { version: "1.1", action: "http://highways.example.org/remedy/CreateEnquiry" },
            reference: { xpath: "//h:EnquiryReference", namespaces: { h: "\(Fixtures.highwaysNamespace)" } }
            """
        let result = try await deliver(
            fields, to: partner, parcel: Fixtures.parcel("<soap:Envelope/>", contentType: "application/xml"),
            environment: ["PW": "pw"])
        #expect(result == .delivered(reference: "HE/2026/048213", httpStatus: 200))
        let request = try #require(partner.requests.first)
        #expect(request.method == "PUT")
        #expect(request.header("Content-Type") == "text/xml; charset=utf-8", "SOAP 1.1 sets its own content type")
        #expect(request.header("SOAPAction") == #""http://highways.example.org/remedy/CreateEnquiry""#)
        #expect(request.header("Authorization") == "Basic Y2FzZXdheTpwdw==")
    }

    @Test func soap12Partner_GetsTheActionInTheContentType() async throws {
        let partner = ScriptedPartner(script: [.status(202)])
        let result = try await deliver(#"soap: { version: "1.2", action: "urn:highways:CreateEnquiry" }"#, to: partner)
        #expect(result == .delivered(reference: nil, httpStatus: 202))
        let request = try #require(partner.requests.first)
        #expect(request.header("Content-Type") == #"application/soap+xml; charset=utf-8; action="urn:highways:CreateEnquiry""#)
        #expect(request.header("SOAPAction") == nil)
    }

    @Test(arguments: [500, 502, 503, 504, 408, 429])
    func retryableStatus_IsTransientAndHonoursRetryAfterSeconds(status: Int) async throws {
        let partner = ScriptedPartner(script: [.text("busy", status: status, headers: ["Retry-After": "7"])])
        let failure = try #require(failureOf(try await deliver(to: partner)))
        #expect(failure.kind == .transient)
        #expect(failure.httpStatus == status)
        #expect(failure.retryAfter == .seconds(7))
        #expect(failure.message.hasPrefix("county-highways: POST http://127.0.0.1:\(partner.port)/enquiries answered \(status) "))
    }

    @Test func serviceUnavailable_MessageNamesURLAndStatus() async throws {
        let partner = ScriptedPartner(script: [.status(503)])
        let failure = try #require(failureOf(try await deliver(to: partner)))
        #expect(failure.message == "county-highways: POST http://127.0.0.1:\(partner.port)/enquiries answered 503 Service Unavailable")
        #expect(failure.retryAfter == nil)
    }

    @Test func tooManyRequests_HonoursRetryAfterDate() async throws {
        let inTwoMinutes = Date().addingTimeInterval(120)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let partner = ScriptedPartner(script: [.status(429, headers: ["Retry-After": formatter.string(from: inTwoMinutes)])])
        let failure = try #require(failureOf(try await deliver(to: partner)))
        #expect(failure.kind == .transient)
        let wait = try #require(failure.retryAfter)
        #expect(wait > .seconds(100) && wait <= .seconds(121), "\(wait)")
    }

    @Test(arguments: [400, 404, 422, 409, 401])
    func clientError_IsPermanentWithABodyExcerpt(status: Int) async throws {
        let body = #"{"error":"usrn is not a street we maintain","line":"2\n"}"# + String(repeating: "x", count: 400)
        let partner = ScriptedPartner(script: [.json(body, status: status)])
        let failure = try #require(failureOf(try await deliver(to: partner)))
        #expect(failure.kind == .permanent)
        #expect(failure.httpStatus == status)
        #expect(failure.message.contains(#"{"error":"usrn is not a street we maintain","line":"2\n"}"#), "control characters escaped")
        #expect(!failure.message.contains("\n"))
        #expect(failure.message.hasSuffix("…"), "cut to an excerpt")
        #expect(failure.message.count < 400)
    }

    @Test func redirect_IsPermanentAndNotFollowed() async throws {
        let partner = ScriptedPartner(script: [.status(301, headers: ["Location": "http://127.0.0.1:1/elsewhere"])])
        let failure = try #require(failureOf(try await deliver(to: partner)))
        #expect(failure.kind == .permanent)
        #expect(failure.httpStatus == 301)
        #expect(failure.message.contains("to http://127.0.0.1:1/elsewhere"))
        #expect(partner.requestCount == 1)
    }

    @Test func soap11FaultInA500_ListedCodeIsPermanent() async throws {
        let fault = Fixtures.soap11Fault(code: "soap:Client", reason: "Enquiry not created: external system reference CWY-26-000417 is already held")
        let partner = ScriptedPartner(script: [.soap(fault, status: 500)])
        let failure = try #require(failureOf(try await deliver(#"soap: { version: "1.1", permanent_fault_codes: ["soap:Client"] }, "# + Self.fast, to: partner)))
        #expect(failure.kind == .permanent)
        #expect(failure.httpStatus == 500)
        #expect(failure.message.contains("answered 500 Internal Server Error with SOAP Fault soap:Client: Enquiry not created: external system reference CWY-26-000417 is already held"))
    }

    @Test func soap11FaultInA500_UnlistedCodeIsTransient() async throws {
        let partner = ScriptedPartner(script: [.soap(Fixtures.soap11Fault(code: "soap:Server", reason: "database offline"), status: 500)])
        let failure = try #require(failureOf(try await deliver(#"soap: { version: "1.1", permanent_fault_codes: ["Client"] }, "# + Self.fast, to: partner)))
        #expect(failure.kind == .transient)
        #expect(failure.message.contains("SOAP Fault soap:Server: database offline"))
    }

    @Test func soap11FaultInA200_IsNotDelivered() async throws {
        let partner = ScriptedPartner(script: [.soap(Fixtures.soap11Fault(code: "soap:Client.Validation", reason: "bad USRN"))])
        // No list: the sender faults (Client…) are permanent by default.
        let failure = try #require(failureOf(try await deliver(#"soap: { version: "1.1" }, "# + Self.fast, to: partner)))
        #expect(failure.kind == .permanent)
        #expect(failure.httpStatus == 200)
    }

    @Test(arguments: [("env:Sender", nil as String?, true), ("env:Receiver", nil, false), ("env:Receiver", "hw:Duplicate", true)])
    func soap12Fault_PermanentByCodeOrSubcode(code: String, subcode: String?, permanent: Bool) async throws {
        let partner = ScriptedPartner(script: [.soap(Fixtures.soap12Fault(code: code, subcode: subcode, reason: "no"), status: 400, version12: true)])
        let failure = try #require(failureOf(try await deliver(
            #"soap: { version: "1.2", permanent_fault_codes: ["Sender", "Duplicate"] }, "# + Self.fast, to: partner)))
        #expect(failure.kind == (permanent ? .permanent : .transient))
        #expect(failure.message.contains("SOAP Fault \(code): no"))
    }

    @Test func refusedConnection_IsTransient() async throws {
        // A port that was just free: nothing listens there any more.
        let gone = ScriptedPartner()
        let port = try gone.start()
        await gone.stop()
        let settings = try #require(Fixtures.settings(Self.fast, url: "http://127.0.0.1:\(port)/enquiries"))
        let result = await HTTPTransport(connector: "county-highways", settings: settings).send(try #require(Fixtures.parcel()))
        let failure = try #require(failureOf(result))
        #expect(failure.kind == .transient)
        #expect(failure.httpStatus == nil)
        #expect(failure.message == "county-highways: POST http://127.0.0.1:\(port)/enquiries failed: connection refused")
    }

    @Test func hangingPartner_TimesOutWithinTheTotal() async throws {
        let partner = ScriptedPartner(script: [.hang])
        try partner.start()
        let settings = try #require(Fixtures.settings(#"timeouts: { connect: "200ms", total: "700ms" }"#, url: partner.url(path: "/enquiries")))
        let transport = HTTPTransport(connector: "county-highways", settings: settings)
        let clock = ContinuousClock()
        let started = clock.now
        let result = await transport.send(try #require(Fixtures.parcel()))
        let elapsed = clock.now - started
        await partner.stop()
        let failure = try #require(failureOf(result))
        #expect(failure.kind == .transient)
        // The request was handed over, so the connect timeout does not apply: the total does.
        #expect(failure.message.hasSuffix("failed: no answer within 700ms (timeouts.total)"), "\(failure.message)")
        // Well under URLSession's own backstop (2 × total + 10 s = 11.4 s), with room for a loaded machine.
        #expect(elapsed >= .milliseconds(650) && elapsed < .seconds(9), "\(elapsed)")
        #expect(partner.requestCount == 1)
    }

    @Test func connectionClosedWithoutAnswer_IsTransient() async throws {
        let partner = ScriptedPartner(script: [.hang])
        try partner.start()
        let settings = try #require(Fixtures.settings(#"timeouts: { total: "10s" }"#, url: partner.url(path: "/enquiries")))
        let transport = HTTPTransport(connector: "county-highways", settings: settings)
        let parcel = try #require(Fixtures.parcel())
        async let result = transport.send(parcel)
        #expect(await partner.waitForRequests(1))
        await partner.stop()
        let failure = try #require(failureOf(await result))
        #expect(failure.kind == .transient)
        #expect(failure.httpStatus == nil)
        #expect(failure.message.hasPrefix("county-highways: POST http://127.0.0.1:\(partner.port)/enquiries failed: "), "\(failure.message)")
        #expect(failure.message.contains("failed: no valid HTTP answer (the connection closed without one"), "\(failure.message)")
    }

    @Test func slowButInTimePartner_IsDelivered() async throws {
        let partner = ScriptedPartner(script: [.delayed(.milliseconds(300), .status(200))])
        let result = try await deliver(#"timeouts: { connect: "100ms", total: "2s" }"#, to: partner)
        #expect(result == .delivered(reference: nil, httpStatus: 200))
    }

    @Test func malformedBody_WithReferenceConfigured_IsDeliveredWithoutReference() async throws {
        let partner = ScriptedPartner(script: [.text("<html>Thanks!</html>", status: 200, contentType: "text/html")])
        let result = try await deliver(#"reference: { json: "$.reference" }, "# + Self.fast, to: partner)
        #expect(result == .delivered(reference: nil, httpStatus: 200))
    }

    @Test func oversizedAnswer_IsCutAndStillJudgedByItsStatus() async throws {
        let partner = ScriptedPartner(script: [.respond(status: 200, body: [UInt8](repeating: 0x61, count: 3 * 1024 * 1024))])
        let result = try await deliver(#"reference: { json: "$.reference" }, timeouts: { total: "5s" }"#, to: partner)
        #expect(result == .delivered(reference: nil, httpStatus: 200))
    }

    @Test func statusOutsideSuccessStatuses_IsPermanent() async throws {
        let partner = ScriptedPartner(script: [.status(202)])
        let failure = try #require(failureOf(try await deliver(#"success_statuses: [201], "# + Self.fast, to: partner)))
        #expect(failure.kind == .permanent)
        #expect(failure.message.contains("answered 202 Accepted, which is not among success_statuses"))
    }

    @Test func flakyPartner_FailsFirstTwoThenAccepts_OneEffectPerKey() async throws {
        let partner = ScriptedPartner.failing(first: 2, with: .status(503), then: .json(#"{"reference":"R-1"}"#))
        try partner.start()
        let settings = try #require(Fixtures.settings(#"reference: { json: "$.reference" }, "# + Self.fast, url: partner.url(path: "/enquiries")))
        let transport = HTTPTransport(connector: "county-highways", settings: settings)
        var results: [DeliveryResult] = []
        for attempt in 1...3 {
            results.append(await transport.send(try #require(Fixtures.parcel(attempt: attempt))))
        }
        await partner.stop()
        #expect(results.map { if case .delivered = $0 { true } else { false } } == [false, false, true])
        #expect(results.last == .delivered(reference: "R-1", httpStatus: 200))
        #expect(partner.requestCount == 3)
        #expect(partner.distinctIdempotencyKeys == 1)
    }

    @Test func concurrentSends_ShareOneSession() async throws {
        let partner = ScriptedPartner(then: .delayed(.milliseconds(50), .json(#"{"reference":"ok"}"#)))
        try partner.start()
        let settings = try #require(Fixtures.settings(#"reference: { json: "$.reference" }, timeouts: { total: "5s" }"#, url: partner.url()))
        let transport = HTTPTransport(connector: "county-highways", settings: settings)
        let ids = (0..<12).compactMap { RecordID("019a4f0e-8c31-7000-8a1b-0000000001\(String(format: "%02d", $0))") }
        let parcels = ids.compactMap { Fixtures.parcel(deliveryID: $0) }
        let results = await withTaskGroup(of: DeliveryResult.self) { group in
            for parcel in parcels {
                group.addTask { await transport.send(parcel) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        await partner.stop()
        #expect(parcels.count == 12)
        #expect(results.allSatisfy { $0 == .delivered(reference: "ok", httpStatus: 200) })
        #expect(partner.distinctIdempotencyKeys == 12)
    }
}
