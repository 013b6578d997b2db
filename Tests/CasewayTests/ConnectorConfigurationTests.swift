import CasewayMapping
import Foundation
import Testing

@testable import Caseway

/// Connector files as `Configuration.load` reads them: every shared field, its bounds and its problems.
struct ConnectorConfigurationTests {
    static let crm = "urn:example:kestrel-vale:crm:service-request:2"
    static let hub = """
        {
          listen: "127.0.0.1:8080",
          data_directory: "data",
          clients: [{ name: "webforms", scopes: ["submit"], key: { env: "WEBFORMS_KEY" } }],
          intake: { xml: { namespaces: { crm: "\(crm)" } } },
        }
        """
    static let environment = ["WEBFORMS_KEY": "a-key-of-at-least-sixteen-bytes"]

    /// A connector file: name and kind on lines 2 and 3, then `fields`, one a line from line 4. The kind's own
    /// required fields go last (none yet for the placeholder file kind), so the lines above keep their numbers.
    static func connector(_ name: String, _ fields: [String] = []) -> String {
        (["{", "  name: \"\(name)\",", "  kind: \"file\", directory: \"drop\","] + fields.map { "  \($0)," } + ["}"]).joined(separator: "\n")
    }

    /// A configuration folder with the hub file, the mapping `to-csv` and the given connector files.
    static func folder(_ connectors: [String: String]) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try folder.write("caseway.json5", hub)
        try folder.write(
            "Mappings/to-csv.json5", #"{ name: "to-csv", input: "json", output: "csv", fields: [{ target: "Ref", source: "$.id" }] }"#)
        for (file, text) in connectors { try folder.write("Connectors/\(file).json5", text) }
        return folder
    }

    static func load(_ folder: TemporaryDirectory) throws(ConfigurationError) -> Configuration {
        try Configuration.load(path: folder.path + "/caseway.json5", environment: environment)
    }

    static func problems(_ connectors: [String: String]) throws -> [String] {
        let folder = try folder(connectors)
        do {
            _ = try load(folder)
            return []
        } catch {
            return error.problems.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        }
    }

    @Test func everySharedField_IsReadIntoTheDeclaration() throws {
        let folder = try Self.folder([
            "county": Self.connector(
                "county",
                [
                    #"description: "Street lights to the county""#,
                    #"when: { field: "$.service_code", in: ["SL01", "POT"] }"#,
                    #"mapping: "to-csv""#,
                    #"retry: { max_attempts: 5, initial_delay: "2s", multiplier: 3, max_delay: "10m", jitter: 0, max_age: "1d" }"#,
                    "rate_limit: { per_second: 2.5 }",
                    "concurrency: 16",
                ])
        ])
        let connector = try #require(try Self.load(folder).connectors.first)
        #expect(connector.name == "county")
        #expect(connector.kind == .file)
        #expect(connector.description == "Street lights to the county")
        #expect(connector.when?.written == #"$.service_code in ["SL01", "POT"]"#)
        #expect(connector.when?.origin == "\(folder.path)/Connectors/county.json5:5:9")
        #expect(connector.mapping == "to-csv")
        #expect(connector.retry.maxAttempts == 5)
        #expect(connector.retry.initialDelay == .seconds(2))
        #expect(connector.retry.multiplier == 3)
        #expect(connector.retry.maxDelay == .seconds(600))
        #expect(connector.retry.jitter == 0)
        #expect(connector.retry.maxAge == .seconds(86_400))
        #expect(connector.rateLimit == RateLimit(perSecond: 2.5, burst: 3), "burst defaults to one second's worth, rounded up")
        #expect(connector.concurrency == 16)
        if case .file = connector.settings {} else { Issue.record("a file connector has file settings") }
    }

    @Test func unsetSharedFields_KeepTheirDefaults() throws {
        let folder = try Self.folder(["plain": Self.connector("plain", ["mapping: null", "retry: { max_attempts: 3 }"])])
        let connector = try #require(try Self.load(folder).connectors.first)
        #expect(connector.description == nil)
        #expect(connector.when == nil)
        #expect(connector.mapping == nil, "null mapping: the body passes through")
        var expected = RetryPolicy()
        expected.maxAttempts = 3
        #expect(connector.retry == expected)
        #expect(connector.rateLimit == nil)
        #expect(connector.concurrency == 4)
    }

    @Test func unknownSharedField_IsReportedAtTheKeyWithDidYouMean() throws {
        let problems = try Self.problems(["a": Self.connector("a", ["retyr: { max_attempts: 3 }"])])
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix(#"Connectors/a.json5:4:3: retyr: unknown field "retyr" (did you mean "retry"?)"#) == true)
    }

    @Test func outOfBoundsValues_AreEachReportedWithLineAndColumnInOneRun() throws {
        let problems = try Self.problems([
            "a": Self.connector(
                "a",
                [
                    #"retry: { max_attempts: 0, initial_delay: "soon", multiplier: 11, jitter: 1.5, max_age: "0s", pause: 1 }"#,
                    "rate_limit: { per_second: 0, burst: 0 }",
                    "concurrency: 257",
                    "description: 7",
                ]),
            "b": Self.connector("b", ["rate_limit: { burst: 5 }", "concurrency: 2.5", "when: { field: \"$.a\", equals: [1] }"]),
        ])
        #expect(
            problems == [
                "Connectors/a.json5:4:26: retry.max_attempts: 0 is out of range (1...1000)",
                #"Connectors/a.json5:4:44: retry.initial_delay: "soon" is not a duration (examples: "250ms", "30s", "5m", "2h", "7d")"#,
                "Connectors/a.json5:4:64: retry.multiplier: 11 is out of range (1.0...10.0)",
                "Connectors/a.json5:4:76: retry.jitter: 1.5 is out of range (0.0...1.0)",
                "Connectors/a.json5:4:90: retry.max_age: 0ms is out of range (1s to 365d)",
                #"Connectors/a.json5:4:96: retry.pause: unknown field "pause" (known: max_attempts, initial_delay, multiplier, max_delay, jitter, max_age)"#,
                "Connectors/a.json5:5:29: rate_limit.per_second: must be more than 0 (leave rate_limit out for no limit)",
                "Connectors/a.json5:5:39: rate_limit.burst: 0 is out of range (1...100000)",
                "Connectors/a.json5:6:16: concurrency: 257 is out of range (1...256)",
                "Connectors/a.json5:7:16: description: expected a string, found number",
                #"Connectors/b.json5:4:15: rate_limit: missing required field "per_second""#,
                "Connectors/b.json5:5:16: concurrency: expected a whole number, found 2.5",
                "Connectors/b.json5:6:33: when.equals: expected a string, a number or true/false, found array",
            ])
    }

    @Test func maxDelayShorterThanInitialDelay_IsReported() throws {
        let problems = try Self.problems([
            "a": Self.connector("a", [#"retry: { initial_delay: "1m", max_delay: "30s" }"#]),
            "b": Self.connector("b", [#"retry: { max_delay: "1s" }"#]),
        ])
        #expect(
            problems == [
                "Connectors/a.json5:4:44: retry.max_delay: max_delay 30s is shorter than initial_delay 1m",
                "Connectors/b.json5:4:23: retry.max_delay: max_delay 1s is shorter than initial_delay 5s (the default)",
            ])
    }

    @Test func unknownMappingName_IsReportedAtTheMappingFieldWithDidYouMean() throws {
        let problems = try Self.problems([
            "a": Self.connector("a", [#"mapping: "to-cvs""#]),
            // Its other problem does not hide the unknown mapping: both are listed.
            "b": Self.connector("b", [#"mapping: "nothing-like-it""#, "concurrency: 0"]),
        ])
        #expect(
            problems == [
                // Files are listed in the order their first problem was found: b's range problem came while
                // Connectors/ was read, the unknown names once Mappings/ was.
                #"Connectors/b.json5:4:12: mapping: no mapping named "nothing-like-it" (known: to-csv)"#,
                "Connectors/b.json5:5:16: concurrency: 0 is out of range (1...256)",
                #"Connectors/a.json5:4:12: mapping: no mapping named "to-cvs" (did you mean "to-csv"?) (known: to-csv)"#,
            ])
    }

    @Test func mappingThatFailsToCompile_IsNotAlsoCalledUnknown() throws {
        let folder = try Self.folder(["a": Self.connector("a", [#"mapping: "broken""#])])
        try folder.write("Mappings/broken.json5", #"{ name: "broken", input: "json", output: "cvs", fields: [] }"#)
        do {
            _ = try Self.load(folder)
            Issue.record("a broken mapping fails the configuration")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.file.hasSuffix("Mappings/broken.json5") == true)
        }
    }

    @Test func whenXPath_UsesTheIntakeNamespaces() throws {
        let good = try Self.folder([
            "a": Self.connector("a", [#"when: { field: "/crm:ServiceRequest/crm:Service/@code", equals: "POT" }"#])
        ])
        let connector = try #require(try Self.load(good).connectors.first)
        let xml = try XMLDocument(
            parsing: #"<r:ServiceRequest xmlns:r="\#(Self.crm)"><r:Service code="POT"/></r:ServiceRequest>"#)
        #expect(connector.when?.matches(CaseDocument(client: "c", contentType: "application/xml", senderReference: nil, body: .xml(xml))) == true)
        let problems = try Self.problems([
            "a": Self.connector("a", [#"when: { field: "/hw:Request/@code", equals: "POT" }"#])
        ])
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("Connectors/a.json5:4:18: when.field: not a usable XPath") == true)
    }

    @Test func misspeltKind_IsReportedAloneWithoutUnknownFieldNoise() throws {
        let text = Self.connector("a", [#"mapping: "to-csv""#, "concurrency: 2"]).replacingOccurrences(of: #""file""#, with: #""fiel""#)
        let problems = try Self.problems(["a": text])
        #expect(problems == [#"Connectors/a.json5:3:9: kind: unknown connector kind "fiel" (did you mean "file"?) (known: file, http, queue)"#])
    }

    @Test func everyFileIsChecked_EvenWhenTheHubFileIsBroken() throws {
        let folder = try Self.folder(["a": Self.connector("a", ["concurrency: 0"])])
        try folder.write("caseway.json5", Self.hub.replacingOccurrences(of: #""submit""#, with: #""sbmit""#))
        do {
            _ = try Self.load(folder)
            Issue.record("a broken hub fails the configuration")
        } catch {
            let files = error.problems.map { ($0.file as NSString).lastPathComponent }
            #expect(files == ["caseway.json5", "a.json5"])
        }
    }
}
