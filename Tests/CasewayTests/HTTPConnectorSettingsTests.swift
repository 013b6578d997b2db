import CasewayMapping
import Foundation
import Testing

@testable import Caseway

/// Reading an `http` connector file: defaults, every field, and every mistake reported at its place.
struct HTTPConnectorSettingsTests {
    typealias Fixtures = HTTPConnectorFixtures

    @Test func onlyURL_TakesTheDefaults() throws {
        let (settings, problems) = Fixtures.read(#"{ name: "p", kind: "http", url: "https://partner.example.org/cases" }"#)
        #expect(problems == [])
        let read = try #require(settings)
        #expect(read.url.absoluteString == "https://partner.example.org/cases")
        #expect(read.method == .post)
        #expect(read.timeouts == HTTPTimeouts(connect: .seconds(5), total: .seconds(30)))
        #expect(read.authentication == nil)
        #expect(read.headers.isEmpty)
        #expect(read.reference == nil)
        #expect(read.soap == nil)
        #expect(read.isSuccess(200) && read.isSuccess(204) && read.isSuccess(299))
        #expect(!read.isSuccess(302) && !read.isSuccess(199) && !read.isSuccess(400))
    }

    @Test func everyField_IsReadIntoTheModel() throws {
        let text = """
            {
              name: "county-highways", kind: "http",
              url: "https://highways.example.org:8443/remedy/enquiries.asmx?tenant=7",
              method: "PUT",
              headers: { "X-Tenant": "district-7", "X-Api-Key": { env: "HIGHWAYS_KEY" } },
              timeouts: { connect: "2s", total: "20s" },
              auth: { basic: { username: "caseway", password_env: "HIGHWAYS_PASSWORD" } },
              success_statuses: [200, 202],
              reference: { xpath: "//h:EnquiryReference", namespaces: { h: "http://highways.example.org/remedy/" } },
              soap: { version: "1.1", action: "http://highways.example.org/remedy/CreateEnquiry", permanent_fault_codes: ["soap:Client"] },
            }
            """
        let environment = ["HIGHWAYS_KEY": "k-123", "HIGHWAYS_PASSWORD": "s3cret"]
        let (settings, problems) = Fixtures.read(text, environment: environment)
        #expect(problems == [])
        let read = try #require(settings)
        #expect(read.method == .put)
        #expect(read.headers.map(\.name) == ["X-Tenant", "X-Api-Key"])
        #expect(read.headers.map(\.value) == ["district-7", "k-123"])
        #expect(read.timeouts == HTTPTimeouts(connect: .seconds(2), total: .seconds(20)))
        #expect(read.authentication == .basic(username: "caseway", password: "s3cret"))
        #expect(read.authentication?.headerValue == "Basic Y2FzZXdheTpzM2NyZXQ=")
        #expect(read.authentication.map { "\($0)" }?.contains("s3cret") == false, "printing settings never shows a secret")
        #expect(read.successStatuses == [200, 202])
        #expect(read.isSuccess(202) && !read.isSuccess(201))
        #expect(read.soap?.version == .soap11)
        #expect(read.soap?.action == "http://highways.example.org/remedy/CreateEnquiry")
        #expect(read.soap?.permanentFaultCodes == ["soap:Client"])
        #expect(read.displayURL == "https://highways.example.org:8443/remedy/enquiries.asmx", "no query string in messages")
        guard case .xpath(let expression) = read.reference else {
            Issue.record("reference should be an XPath")
            return
        }
        #expect(expression.namespaces == ["h": "http://highways.example.org/remedy/"])
    }

    @Test func bearerAuthAndJSONReference_AreRead() throws {
        let (settings, problems) = Fixtures.read(
            #"{ name: "p", kind: "http", url: "http://p.example/x", auth: { bearer: { token_env: "TOKEN" } }, reference: { json: "$.data.reference" } }"#,
            environment: ["TOKEN": "t0k"])
        #expect(problems == [])
        let read = try #require(settings)
        #expect(read.authentication?.headerValue == "Bearer t0k")
        guard case .json(let path) = read.reference else {
            Issue.record("reference should be a JSONPath")
            return
        }
        #expect(path.source == "$.data.reference")
    }

    /// One file with a mistake in every field: each is reported, at the line and column of the value.
    @Test func everyMistake_IsReportedAtItsLineAndColumn() {
        let text = """
            {
              name: "county-highways", kind: "http",
              url: "ftp://highways.example.org/in",
              method: "GET",
              headers: { "Bad Name": "x", "X-Ok": "a\\r\\nInjected: 1", "X-Key": { env: "NOT_SET" }, "Idempotency-Key": "mine" },
              timeouts: { connect: "soon", total: "30s" },
              auth: { bearer: { token_env: "MISSING_TOKEN" } },
              success_statuses: [200, 99],
              reference: { xpath: "//h:EnquiryReference" },
              soap: { version: "1.3", action: "urn:x" },
            }
            """
        let (settings, problems) = Fixtures.read(text)
        #expect(settings == nil)
        func at(_ needle: String) -> String { "\(Fixtures.file):\(Fixtures.position(of: needle, in: text)):" }
        let expected = [
            at("\"ftp://") + " url: must start with http:// or https://",
            at("\"GET\"") + " method: unknown method \"GET\"",
            at("\"Bad Name\"") + " headers[\"Bad Name\"]: \"Bad Name\" is not a valid header name",
            at("\"a\\r") + " headers.X-Ok: must not contain line breaks or control characters",
            at("\"NOT_SET\"") + " headers.X-Key.env: environment variable NOT_SET is not set",
            at("\"Idempotency-Key\"") + " headers.Idempotency-Key: Idempotency-Key is set by the connector itself",
            at("\"soon\"") + " timeouts.connect: \"soon\" is not a duration",
            at("\"MISSING_TOKEN\"") + " auth.bearer.token_env: environment variable MISSING_TOKEN is not set",
            at("99]") + " success_statuses[1]: 99 is out of range",
            at("\"//h:") + " reference.xpath: ",
            at("\"1.3\"") + " soap.version: unknown SOAP version \"1.3\"",
        ]
        for prefix in expected {
            #expect(problems.contains { $0.hasPrefix(prefix) }, "expected a problem starting \(prefix)\nin \(problems)")
        }
        #expect(problems.count == expected.count, "\(problems)")
    }

    @Test(arguments: [
        ("https://user:pw@partner.example/x", "must not contain a user name or password"),
        ("https://partner.example/x#frag", "must not contain a fragment"),
        ("http:///nohost", "has no host"),
        ("mailto:council@example.org", "must start with http:// or https://"),
        ("partner.example/x", "must start with http:// or https://"),
        ("https://partner.example/a b", "must not contain spaces"),
        ("", "must not be empty"),
    ])
    func badURL_IsRefused(url: String, message: String) {
        let text = #"{ name: "p", kind: "http", url: "\#(url)" }"#
        let (settings, problems) = Fixtures.read(text)
        #expect(settings == nil)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("\(Fixtures.file):1:\(Fixtures.position(of: "\"\(url)\"", in: text).split(separator: ":")[1]): url: \(message)") == true, "\(problems)")
    }

    @Test func missingURL_IsReported() {
        let (settings, problems) = Fixtures.read(#"{ name: "p", kind: "http" }"#)
        #expect(settings == nil)
        #expect(problems == ["\(Fixtures.file):1:1: missing required field \"url\""])
    }

    @Test func conflictsAndDoubtfulCombinations_AreReported() {
        let text = """
            {
              name: "p", kind: "http", url: "http://p.example/x",
              headers: { Authorization: "Basic xyz", SOAPAction: "urn:y", "x-a": "1", "X-A": "2" },
              auth: { basic: { username: "a:b", password_env: "PW" }, bearer: { token_env: "T" } },
              timeouts: { connect: "10s", total: "2s" },
              reference: { json: "$.ref", namespaces: { h: "urn:h" } },
              soap: { version: "1.2", permanent_fault_codes: [] },
              success_statuses: [],
            }
            """
        let (settings, problems) = Fixtures.read(text, environment: ["PW": "x", "T": "y"])
        #expect(settings == nil)
        let expected = [
            "headers.Authorization: Authorization is set by auth",
            "headers.SOAPAction: SOAPAction is set by soap",
            "headers.X-A: header X-A is given twice",
            "auth: give either basic or bearer, not both",
            "timeouts.connect: connect (10s) is longer than total (2s)",
            "reference.namespaces: namespaces apply to xpath only",
            "success_statuses: must list at least one status",
        ]
        for message in expected {
            #expect(problems.contains { $0.contains(message) }, "expected \(message) in \(problems)")
        }
    }

    @Test func secretWithALineBreak_IsRefusedWithoutShowingIt() {
        let (settings, problems) = Fixtures.read(
            #"{ name: "p", kind: "http", url: "http://p.example/x", auth: { bearer: { token_env: "TOKEN" } } }"#,
            environment: ["TOKEN": "abc\r\nX-Evil: 1"])
        #expect(settings == nil)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("environment variable TOKEN contains a line break") == true)
        #expect(problems.first?.contains("X-Evil") == false)
    }

    @Test func kindSpec_ListsItsFields() {
        #expect(HTTPConnectorSettings.kind == .http)
        #expect(HTTPConnectorSettings.requiredFields == ["url"])
        #expect(Set(HTTPConnectorSettings.fields) == ["url", "method", "headers", "timeouts", "auth", "success_statuses", "reference", "soap"])
        #expect(Set(HTTPConnectorSettings.fields).isDisjoint(with: HTTPConnectorFixtures.sharedFields))
    }
}
