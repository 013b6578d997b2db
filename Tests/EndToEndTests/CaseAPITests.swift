import CasewayStore
import Foundation
import Testing

/// The intake API as a front office uses it, against the real binary.
@Suite(.serialized)
struct CaseAPITests {
    /// The project's own copy of a native request, modelled on the fixtures' pothole report.
    static let pothole = Data(
        """
        {"schema":"caseway.service-request/1","recipient":"southmoor-cc",
         "source":{"system":"southmoor-webforms","reference":"WF-26-118342","channel":"web"},
         "service_code":"HW_POT","category":"Pothole","description":"Large pothole — eastbound lane, £ and é",
         "location":{"lat":52.41263,"long":-1.08417,"postcode":"KV12 4RX"},
         "reporter":{"first_name":"Margaret","last_name":"Oyelaran","email":"m.oyelaran@example.org"},
         "submitted_at":"2026-10-14T08:47:12+01:00"}
        """.utf8)

    static let missedBin = Data(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <ServiceRequest xmlns="urn:example:kestrel-vale:crm:service-request:2">
          <Source system="kv-contact-centre-crm" reference="CRM-00731942" channel="telephone"/>
          <Service code="WS_MISS">Missed bin collection</Service>
          <Description><![CDATA[Grey bin missed — £25 lid & "don't" <3]]></Description>
        </ServiceRequest>
        """.utf8)

    @Test func submitThenRead_AnswersWithTheIdLocationAndState() async throws {
        let hub = try HubProcess()
        try await hub.start()
        let submitted = try await hub.request("POST", "/v1/cases", body: Self.pothole, headers: ["Idempotency-Key": "wf-1"])
        #expect(submitted.status == 202)
        let id = try #require(submitted.body.jsonObject?["id"] as? String)
        #expect(submitted.headers["location"] == "/v1/cases/\(id)")
        // This hub has no connectors: the case is kept as a no_route dead letter, never lost, and says so.
        #expect(submitted.body.jsonObject?["status"] as? String == "attention")
        let deliveries = submitted.body.jsonObject?["deliveries"] as? [[String: Any]]
        #expect(deliveries?.count == 1)
        #expect(deliveries?.first?["connector"] as? String == "(none)")
        #expect(deliveries?.first?["state"] as? String == "dead")

        let read = try await hub.request("GET", "/v1/cases/\(id)")
        #expect(read.status == 200)
        #expect(read.body.jsonObject?["sender_reference"] as? String == "WF-26-118342")
        #expect(read.body.jsonObject?["client"] as? String == "webforms")

        let repeated = try await hub.request("POST", "/v1/cases", body: Self.pothole, headers: ["Idempotency-Key": "wf-1"])
        #expect(repeated.status == 200)
        #expect(repeated.body.jsonObject?["id"] as? String == id)

        var changed = Self.pothole
        changed.append(contentsOf: Array(" ".utf8))
        let conflict = try await hub.request("POST", "/v1/cases", body: changed, headers: ["Idempotency-Key": "wf-1"])
        #expect(conflict.status == 409)
        #expect(conflict.headers["content-type"] == "application/problem+json")
        #expect(String(decoding: conflict.body, as: UTF8.self).contains(id))

        let xml = try await hub.request("POST", "/v1/cases", body: Self.missedBin, contentType: "application/xml")
        #expect(xml.status == 202)
        let xmlID = try #require(xml.body.jsonObject?["id"] as? String)
        let xmlCase = try await hub.request("GET", "/v1/cases/\(xmlID)")
        #expect(xmlCase.body.jsonObject?["sender_reference"] as? String == "CRM-00731942")

        let result = try await hub.stop()
        #expect(result.status == 0)
        let store = try Store(directory: hub.dataDirectory.path)
        let bodies = try await store.read { connection in
            [id, xmlID].compactMap { text in RecordID(text).flatMap { try? connection.fetchCase(id: $0)?.body } }
        }
        #expect(bodies == [Array(Self.pothole), Array(Self.missedBin)], "bodies are kept byte for byte")
        await store.close()
    }

    @Test func keysAndScopes_Give401And403AsProblems() async throws {
        let hub = try HubProcess()
        try await hub.start()
        let missing = try await hub.request("POST", "/v1/cases", key: nil, body: Self.pothole)
        #expect(missing.status == 401)
        #expect(missing.headers["www-authenticate"] == "Bearer")
        #expect(missing.headers["content-type"] == "application/problem+json")
        let unknown = try await hub.request("POST", "/v1/cases", key: "not-a-key-of-this-hub", body: Self.pothole)
        #expect(unknown.status == 401)
        let noScope = try await hub.request("POST", "/v1/cases", key: HubProcess.pollerKey, body: Self.pothole)
        #expect(noScope.status == 403)
        #expect(noScope.body.jsonObject?["detail"] as? String == #"client "highways" does not have the "submit" scope"#)
        // Another client's case is invisible, except to an operator.
        let created = try await hub.request("POST", "/v1/cases", body: Self.pothole)
        let id = try #require(created.body.jsonObject?["id"] as? String)
        #expect(try await hub.request("GET", "/v1/cases/\(id)", key: HubProcess.pollerKey).status == 404)
        #expect(try await hub.request("GET", "/v1/cases/\(id)", key: HubProcess.operatorKey).status == 200)
        try await hub.stop()
    }

    @Test func healthReadinessAndUnknownPaths() async throws {
        let hub = try HubProcess()
        try await hub.start()
        #expect(try await hub.request("GET", "/healthz", key: nil).status == 200)
        #expect(try await hub.request("GET", "/readyz", key: nil).status == 200)
        let notFound = try await hub.request("GET", "/v1/nothing-here")
        #expect(notFound.status == 404)
        #expect(notFound.headers["content-type"] == "application/problem+json")
        let wrongMethod = try await hub.request("DELETE", "/v1/cases")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["allow"]?.contains("POST") == true)
        #expect(try await hub.request("GET", "/v1/cases/not-an-id").status == 404)
        try await hub.stop()
    }

    @Test func badBodies_GetTheRight4xxAndNothingIsStored() async throws {
        let hub = try HubProcess()
        try await hub.start()
        var utf16 = Data([0xFF, 0xFE])
        for byte in #"{"service_code":"HW_POT"}"#.utf8 { utf16.append(contentsOf: [byte, 0]) }
        let cases: [(String, Data, String, Int)] = [
            ("truncated", Data(#"{"service_code":"HW_POT","description":"Large pot"#.utf8), "application/json", 400),
            ("duplicate keys", Data(#"{"service_code":"HW_POT","service_code":"WS_FLY"}"#.utf8), "application/json", 400),
            ("wrong types", Data(#"{"schema":"caseway.service-request/1","service_code":"HW_POT","location":{"lat":"abc"},"photos":"x"}"#.utf8), "application/json", 400),
            ("missing service code", Data(#"{"description":"fridge in a lay-by"}"#.utf8), "application/json", 400),
            ("path traversal", Data(#"{"service_code":"PE_BRE","source":{"reference":"../../etc/cron.d/x"}}"#.utf8), "application/json", 400),
            ("utf-16", utf16, "application/json; charset=utf-8", 400),
            ("xxe", Data(#"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>"#.utf8), "application/xml", 400),
            ("not well-formed", Data("<a>\n<b>fish & chips</b>\n</a>".utf8), "application/xml", 400),
            ("unsupported type", Data("title=pothole".utf8), "application/x-www-form-urlencoded", 415),
            ("too large", Data(repeating: UInt8(ascii: "x"), count: 2 << 20), "application/json", 413),
        ]
        for (name, body, type, status) in cases {
            let answer = try await hub.request("POST", "/v1/cases", body: body, contentType: type)
            #expect(answer.status == status, "\(name): \(String(decoding: answer.body, as: UTF8.self))")
            #expect(answer.headers["content-type"] == "application/problem+json", "\(name)")
        }
        let wrong = try await hub.request(
            "POST", "/v1/cases", body: Data(#"{"schema":"caseway.service-request/1","service_code":"HW_POT","location":{"lat":"abc"},"photos":"x"}"#.utf8))
        let fields = (wrong.body.jsonObject?["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String }
        #expect(fields == ["/location/lat", "/photos"])
        #expect(try await hub.request("GET", "/healthz", key: nil).status == 200, "still serving")
        try await hub.stop()
        let store = try Store(directory: hub.dataDirectory.path)
        #expect(try await store.read { try $0.scalar("SELECT count(*) FROM cases", as: Int64.self) } == 0)
        await store.close()
    }

    @Test func smugglingAndPipelining_OverARawSocket() async throws {
        let hub = try HubProcess()
        try await hub.start()
        let smuggler = try RawConnection(port: hub.port)
        smuggler.send(
            "POST /v1/cases HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        let refused = smuggler.readUntilClosed()
        #expect(refused.hasPrefix("HTTP/1.1 400 "))
        #expect(refused.contains("Connection: close"))

        let pipelined = try RawConnection(port: hub.port)
        pipelined.send(
            "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /v1/none HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let answers = pipelined.readUntilClosed()
        // Bodies end without a line break, so each status line starts right after the previous body.
        let statuses = answers.components(separatedBy: "HTTP/1.1 ").dropFirst().map { String($0.prefix(3)) }
        #expect(statuses == ["200", "404", "200"])
        try await hub.stop()
    }

    @Test func everyRequest_IsLoggedAsOneJSONLineWithoutTheBody() async throws {
        let hub = try HubProcess()
        try await hub.start()
        let created = try await hub.request("POST", "/v1/cases", body: Self.pothole)
        let id = try #require(created.body.jsonObject?["id"] as? String)
        _ = try await hub.request("POST", "/v1/cases", key: nil, body: Self.pothole)
        let result = try await hub.stop()
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        let requests = lines.compactMap { Data($0.utf8).jsonObject }.filter { $0["msg"] as? String == "request" }
        #expect(requests.count == 2)
        let first = try #require(requests.first)
        #expect(first["client"] as? String == "webforms")
        #expect(first["method"] as? String == "POST")
        #expect(first["path"] as? String == "/v1/cases")
        #expect(first["status"] as? Int == 202)
        #expect(first["case_id"] as? String == id)
        #expect(first["bytes"] is Int)
        #expect(first["duration_ms"] is Double || first["duration_ms"] is Int)
        #expect(requests.last?["status"] as? Int == 401)
        #expect(!result.standardOutput.contains("Oyelaran"), "no personal data in the log")
        #expect(!result.standardOutput.contains("pothole — eastbound"), "no body in the log")
    }
}
