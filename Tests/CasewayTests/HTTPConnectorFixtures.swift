import CasewayMapping
import CasewayStore
import Foundation
import Testing

@testable import Caseway

/// Connector files, parcels and partner answers shared by the http connector tests.
enum HTTPConnectorFixtures {
    static let file = "Connectors/county-highways.json5"
    /// The fields every connector kind shares (read by the connector loader, not by the kind).
    static let sharedFields = ["name", "kind", "description", "when", "mapping", "retry", "rate_limit", "concurrency"]
    static let deliveryID = RecordID("019a4f0e-8c31-7000-8a1b-1f2e3d4c5b6a")
    static let highwaysNamespace = "http://highways.example.org/remedy/"

    /// Reads `text` as a connector file; the settings (nil when any problem) and every problem as printed.
    static func read(_ text: String, environment: [String: String] = [:]) -> (HTTPConnectorSettings?, [String]) {
        let diagnostics = ConfigurationDiagnostics()
        let document: JSONDocument
        do {
            document = try JSONParser(dialect: .json5, recordLocations: true).parse(Array(text.utf8))
        } catch {
            return (nil, ["not JSON5: \(error.message)"])
        }
        let root = ConfigurationSource(displayPath: file, document: document).root(reportingTo: diagnostics)
        guard
            let object = root.object(
                allowed: sharedFields + HTTPConnectorSettings.fields, required: HTTPConnectorSettings.requiredFields)
        else { return (nil, diagnostics.sortedProblems.map(\.description)) }
        let context = ConnectorContext(baseDirectory: URL(fileURLWithPath: "/tmp"), environment: environment, namespaces: [:])
        let settings = HTTPConnectorSettings.read(object, context: context)
        return (settings, diagnostics.sortedProblems.map(\.description))
    }

    /// `line:column` (1-based) of the first occurrence of `needle` in `text`: where a problem about the
    /// value written there must point.
    static func position(of needle: String, in text: String) -> String {
        guard let range = text.range(of: needle) else { return "?:?" }
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) + 1
        return "\(line):\(column)"
    }

    /// A parcel with `body`; every parcel of one test shares the delivery id unless given another.
    static func parcel(
        _ body: String = #"{"category":"street-lighting"}"#, contentType: String = "application/json",
        deliveryID: RecordID? = nil, attempt: Int = 1
    ) -> Parcel? {
        guard let id = deliveryID ?? Self.deliveryID, let caseID = RecordID("019a4f0e-8c31-7000-8a1b-000000000001") else {
            return nil
        }
        let now = Timestamp(millisecondsSinceEpoch: 1_792_000_000_000)
        let record = CaseRecord(id: caseID, receivedAt: now, client: "webforms", contentType: "application/json", body: Array(body.utf8))
        return Parcel(deliveryID: id, attempt: attempt, caseRecord: record, body: Array(body.utf8), contentType: contentType, now: now)
    }

    /// Settings for a partner at `url`, or nil (with the problems recorded as a test issue) when they do not read.
    static func settings(_ fields: String, url: String, environment: [String: String] = [:]) -> HTTPConnectorSettings? {
        let (settings, problems) = read(#"{ name: "county-highways", kind: "http", url: "\#(url)", \#(fields) }"#, environment: environment)
        if !problems.isEmpty { Issue.record(Comment(rawValue: "settings did not read: \(problems)")) }
        return settings
    }

    static let soap11Response = """
        <?xml version="1.0" encoding="utf-8"?>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
          <soap:Body>
            <CreateEnquiryResponse xmlns="http://highways.example.org/remedy/">
              <CreateEnquiryResult>
                <Status>OK</Status>
                <EnquiryReference>HE/2026/048213</EnquiryReference>
              </CreateEnquiryResult>
            </CreateEnquiryResponse>
          </soap:Body>
        </soap:Envelope>
        """

    static func soap11Fault(code: String, reason: String) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
          <soap:Body>
            <soap:Fault>
              <faultcode>\(code)</faultcode>
              <faultstring>\(reason)</faultstring>
              <detail><hw:ErrorCode xmlns:hw="http://highways.example.org/remedy/">E1</hw:ErrorCode></detail>
            </soap:Fault>
          </soap:Body>
        </soap:Envelope>
        """
    }

    static func soap12Fault(code: String, subcode: String? = nil, reason: String) -> String {
        let sub = subcode.map { "<env:Subcode><env:Value>\($0)</env:Value></env:Subcode>" } ?? ""
        return """
            <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:hw="http://highways.example.org/remedy/">
              <env:Body>
                <env:Fault>
                  <env:Code><env:Value>\(code)</env:Value>\(sub)</env:Code>
                  <env:Reason><env:Text xml:lang="en">\(reason)</env:Text></env:Reason>
                </env:Fault>
              </env:Body>
            </env:Envelope>
            """
    }
}
