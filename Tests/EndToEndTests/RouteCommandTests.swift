import Foundation
import Testing

/// `caseway route` as an integrator runs it against a configuration folder of their own.
@Suite(.serialized)
struct RouteCommandTests {
    static let crm = "urn:example:kestrel-vale:crm:service-request:2"
    static let key = ["ROUTE_TEST_KEY": "route-test-key-0123456789abcdef"]

    /// A connector file; the kind's own required fields go last when the kinds grow them.
    static func connector(_ name: String, when: String) -> String {
        """
        {
          name: "\(name)",
          kind: "file", directory: "drop",
          when: \(when),
        }
        """
    }

    /// A configuration folder: county takes highways and street lights, lights-audit street lights only.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("caseway-route-\(UUID().uuidString)")
        let files = [
            "caseway.json5": """
                {
                  listen: "127.0.0.1:8080",
                  data_directory: "data",
                  clients: [{ name: "webforms", scopes: ["submit"], key: { env: "ROUTE_TEST_KEY" } }],
                  intake: { xml: { namespaces: { crm: "\(crm)" }, sender_reference: "/crm:ServiceRequest/crm:Source/@reference" } },
                }
                """,
            "Connectors/county.json5": connector(
                "county",
                when: #"{ any: [ { field: "$.service_code", in: ["HW_POT", "SL01"] }, { field: "/crm:ServiceRequest/crm:Service/@code", prefix: "HW_" } ] }"#),
            "Connectors/lights-audit.json5": connector("lights-audit", when: #"{ field: "$.service_code", equals: "SL01" }"#),
            "Mappings/.keep": "",
            "pothole.json": #"{ "service_code": "HW_POT", "source": { "reference": "WF-1" } }"#,
            "light.case": #"  { "service_code": "SL01" }"#,
            "bin.xml": """
                <crm:ServiceRequest xmlns:crm="\(crm)"><crm:Source reference="CRM-7"/><crm:Service code="WS_MISS"/></crm:ServiceRequest>
                """,
            "broken.json": #"{ "service_code": "SL01""#,
        ]
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        return url
    }

    static func route(_ arguments: [String], in folder: URL) async throws -> ChildProcess.Result {
        try await ChildProcess.run(["route"] + arguments, environment: key, in: folder)
    }

    @Test func caseTakenByOne_ShowsWhichConditionDecidedForEach() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await Self.route(["pothole.json"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix(#"county: takes it: $.service_code in ["HW_POT", "SL01"] (Connectors/county.json5:4:18)"#) == true)
        #expect(
            lines.last
                == #"lights-audit: does not take it: $.service_code equals "SL01" (Connectors/lights-audit.json5:4:9): $.service_code is "HW_POT", not "SL01""#
        )
    }

    @Test func caseTakenByBoth_SniffedFromItsFirstCharacter() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await Self.route(["light.case", "--config", "caseway.json5"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains(": takes it: ") })
    }

    @Test func caseNoConnectorTakes_WouldBeADeadLetterAndExitsOne() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await Self.route(["bin.xml"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("county: does not take it: any of ("))
        #expect(result.standardOutput.contains(#"/crm:ServiceRequest/crm:Service/@code is "WS_MISS", does not start with "HW_""#))
        #expect(result.standardOutput.contains("dead letter with reason no_route"))
    }

    @Test func bodyTheIntakeWouldRefuse_SaysWhyAndExitsOne() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = try await Self.route(["broken.json"], in: folder)
        #expect(broken.status == 1)
        #expect(broken.standardError.contains("the hub would refuse this case: "))
        #expect(broken.standardError.contains("line 1"), "\(broken.standardError)")
        #expect(broken.standardOutput.isEmpty)
        let wrongType = try await Self.route(["pothole.json", "--content-type", "text/csv"], in: folder)
        #expect(wrongType.status == 1)
        #expect(wrongType.standardError.contains("text/csv is not supported"))
    }

    @Test func usageErrors_ExitTwo_AndHelpIsThere() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let extra = try await Self.route(["a.json", "b.json"], in: folder)
        #expect(extra.status == 2)
        let flag = try await Self.route(["--content-typ", "x"], in: folder)
        #expect(flag.status == 2)
        #expect(flag.standardError.contains("did you mean --content-type?"))
        let help = try await Self.route(["--help"], in: folder)
        #expect(help.status == 0)
        #expect(help.standardOutput.hasPrefix("usage: caseway route"))
        let viaHelp = try await ChildProcess.run(["help", "route"])
        #expect(viaHelp.standardOutput == help.standardOutput)
    }
}
