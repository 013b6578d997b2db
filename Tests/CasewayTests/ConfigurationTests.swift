import CasewayHTTP
import CasewayMapping
import CasewayStore
import Foundation
import Testing

@testable import Caseway

struct ConfigurationTests {
    static let validHub = """
        // a hub
        {
          listen: "127.0.0.1:8080",
          data_directory: "data",
          clients: [
            { name: "webforms", scopes: ["submit"], key: { env: "WEBFORMS_KEY" } },
            { name: "ops", scopes: ["admin", "receive"], key: { sha256: "\(String(repeating: "ab", count: 32))" } },
          ],
          limits: { request_body: "512 KiB", connections: 50 },
          timeouts: { header: "5s", idle: 90 },
        }
        """
    static let environment = ["WEBFORMS_KEY": "a-key-of-at-least-sixteen-bytes"]

    /// A configuration folder with a hub file, one connector and one mapping.
    static func validFolder(hub: String = validHub) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try folder.write("caseway.json5", hub)
        try folder.write("Connectors/drop.json5", #"{ name: "drop", kind: "file", directory: "drop" }"#)
        try folder.write(
            "Mappings/to-csv.json5", #"{ name: "to-csv", input: "json", output: "csv", fields: [{ target: "Ref", source: "$.id" }] }"#)
        return folder
    }

    func problems(_ folder: TemporaryDirectory, environment: [String: String] = environment) -> [String] {
        do {
            _ = try Configuration.load(path: folder.path + "/caseway.json5", environment: environment)
            return []
        } catch {
            return error.problems.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        }
    }

    @Test func validConfiguration_IsReadIntoTheModel() throws {
        let folder = try Self.validFolder()
        let configuration = try Configuration.load(path: folder.path + "/caseway.json5", environment: Self.environment)
        #expect(configuration.hub.listen == ListenAddress(host: "127.0.0.1", port: 8080))
        #expect(configuration.hub.dataDirectory.path == folder.url.appendingPathComponent("data").path)
        #expect(configuration.hub.clients.map(\.name) == ["webforms", "ops"])
        #expect(configuration.hub.clients[0].scopes == [.submit])
        #expect(configuration.hub.clients[0].keyDigest == SHA256.hash(Array("a-key-of-at-least-sixteen-bytes".utf8)))
        #expect(configuration.hub.clients[1].keyDigest == [UInt8](repeating: 0xab, count: 32))
        #expect(configuration.hub.limits.requestBodyBytes == 512 * 1024)
        #expect(configuration.hub.limits.connections == 50)
        #expect(configuration.hub.limits.headerTimeout == .seconds(5))
        #expect(configuration.hub.limits.idleTimeout == .seconds(90))
        #expect(configuration.hub.limits.bodyTimeout == .seconds(30), "unset limits keep their defaults")
        #expect(configuration.connectors.map(\.name) == ["drop"])
        #expect(configuration.connectors.first?.kind == .file)
        #expect(configuration.mappings.map(\.name) == ["to-csv"])
    }

    @Test func unknownScope_NamesFileLineColumnPathAndTheKnownScopes() throws {
        let folder = try Self.validFolder(
            hub: Self.validHub.replacingOccurrences(of: #"["admin", "receive"]"#, with: #"["admn", "receive"]"#))
        #expect(
            problems(folder) == [
                #"caseway.json5:7:29: clients[1].scopes[0]: unknown scope "admn" (did you mean "admin"?) (known: submit, update, receive, admin)"#
            ])
    }

    @Test func unknownKey_IsReportedAtTheKeyWithDidYouMean() throws {
        let folder = try Self.validFolder(
            hub: Self.validHub.replacingOccurrences(of: "limits: {", with: "limts: {"))
        let found = problems(folder)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix(#"caseway.json5:9:3: limts: unknown field "limts" (did you mean "limits"?)"#) == true)
    }

    @Test func everyProblemInEveryFile_IsReportedInOneRun() throws {
        let folder = try Self.validFolder(
            hub: """
                {
                  listen: "localhost",
                  data_directory: 42,
                  clients: [
                    { name: "a", scopes: [], key: "in-clear-secret" },
                    { name: "a", scopes: ["submit"], key: { env: "NOT_SET" } },
                  ],
                  timeouts: { header: "soon" },
                }
                """)
        try folder.write("Connectors/second.json5", #"{ name: "drop", kind: "ftp" }"#)
        try folder.write("Connectors/third.json5", #"{ name: "drop", kind: "file", directory: "drop" }"#)
        try folder.write("Mappings/broken.json5", "{ name: 'x', input: 'json' output: 'csv' }")
        let found = problems(folder, environment: [:])
        #expect(
            found == [
                #"caseway.json5:2:11: listen: expected host:port, e.g. "127.0.0.1:8080" or "[::1]:8080""#,
                "caseway.json5:3:19: data_directory: expected a string, found number",
                "caseway.json5:5:26: clients[0].scopes: a client needs at least one scope",
                #"caseway.json5:5:35: clients[0].key: a key is never written in clear: use { env: "VARIABLE" } or { sha256: "<64 hex digits>" }"#,
                #"caseway.json5:6:13: clients[1].name: duplicate client name "a" (first used at clients[0].name)"#,
                "caseway.json5:6:50: clients[1].key.env: environment variable NOT_SET is not set (it holds this client's API key)",
                #"caseway.json5:8:23: timeouts.header: "soon" is not a duration (examples: "250ms", "30s", "5m", "2h", "7d")"#,
                #"Connectors/second.json5:1:23: kind: unknown connector kind "ftp" (known: file, http, queue)"#,
                #"Connectors/third.json5:1:9: name: duplicate connector name "drop" (also in Connectors/drop.json5)"#,
                "Mappings/broken.json5:1:28: expected ',' or '}' after the value of \"input\" in the object started at 1:1, found 'o'",
            ], "every file's problems, each file in order")
    }

    @Test func connectorAndMappingProblems_AreAllListed() throws {
        let folder = try Self.validFolder()
        try folder.write("Connectors/second.json5", #"{ name: "drop", kind: "ftp" }"#)
        try folder.write("Connectors/third.json5", #"{ name: "drop", kind: "file", directory: "drop" }"#)
        try folder.write("Mappings/broken.json5", "{ name: 'x', input: 'json' output: 'csv' }")
        try folder.write("Mappings/Bad Name.json5", "{ name: 'Bad Name', input: 'csv', output: 'pdf' }")
        let found = problems(folder)
        #expect(
            found == [
                #"Connectors/second.json5:1:23: kind: unknown connector kind "ftp" (known: file, http, queue)"#,
                #"Connectors/third.json5:1:9: name: duplicate connector name "drop" (also in Connectors/drop.json5)"#,
                #"Mappings/Bad Name.json5:1:1: missing required field "fields""#,
                #"Mappings/Bad Name.json5:1:9: name: "Bad Name" is not a valid name (lower-case letters, digits, "-" and "_", starting with a letter, at most 64 characters)"#,
                #"Mappings/Bad Name.json5:1:28: input: csv is an output format only; a mapping reads json or xml"#,
                #"Mappings/Bad Name.json5:1:43: output: unknown output format "pdf" (known: json, xml, csv)"#,
                "Mappings/broken.json5:1:28: expected ',' or '}' after the value of \"input\" in the object started at 1:1, found 'o'",
            ].map { $0 })
    }

    @Test func missingFileAndMissingDirectories_AreProblemsNotCrashes() throws {
        let folder = try TemporaryDirectory()
        #expect(problems(folder) == ["caseway.json5: file not found"])
        try folder.write(
            "caseway.json5",
            #"{ listen: "127.0.0.1:1", data_directory: "d", clients: [], connectors_directory: "nowhere" }"#)
        let found = problems(folder)
        #expect(found.contains { $0.hasPrefix("caseway.json5: connectors_directory: directory ") && $0.hasSuffix("nowhere does not exist") })
        #expect(found.contains { $0.hasPrefix("caseway.json5: mappings_directory: directory ") })
    }

    @Test func notJSON5_ReportsTheSyntaxErrorLocation() throws {
        let folder = try Self.validFolder(hub: "{\n  listen: \"127.0.0.1:8080\",\n  clients: [,\n}")
        let found = problems(folder)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("caseway.json5:3:13: ") == true)
    }

    @Test func secondsAndSizes_AcceptTheWrittenForms() {
        #expect(DurationText.parse("250ms") == .milliseconds(250))
        #expect(DurationText.parse("1.5s") == .milliseconds(1500))
        #expect(DurationText.parse("5 m") == .seconds(300))
        #expect(DurationText.parse("7d") == .seconds(7 * 86_400))
        #expect(DurationText.parse("soon") == nil)
        #expect(DurationText.parse("-1s") == nil)
        #expect(DurationText.format(.seconds(300)) == "5m")
        #expect(ByteCountText.parse("1 MiB") == 1 << 20)
        #expect(ByteCountText.parse("64kB") == 64_000)
        #expect(ByteCountText.parse("1048576") == 1 << 20)
        #expect(ByteCountText.parse("lots") == nil)
        #expect(ByteCountText.parse("99999999999999999 GiB") == nil)
    }

    @Test func listenAddresses_CoverIPv4IPv6AndHostNames() throws {
        #expect(try ListenAddress.parse("127.0.0.1:8080").get() == ListenAddress(host: "127.0.0.1", port: 8080))
        #expect(try ListenAddress.parse("[::1]:0").get() == ListenAddress(host: "::1", port: 0))
        #expect(try ListenAddress.parse("localhost:80").get().description == "localhost:80")
        #expect(try ListenAddress.parse("[::1]:9").get().description == "[::1]:9")
        #expect(throws: ListenAddressError.self) { try ListenAddress.parse("::1:8080").get() }
        #expect(throws: ListenAddressError.self) { try ListenAddress.parse("host:99999").get() }
        #expect(throws: ListenAddressError.self) { try ListenAddress.parse(":8080").get() }
    }

    @Test func intakeXPath_IsCompiledAtLoadAndItsMistakesAreLocated() throws {
        let withIntake = Self.validHub.replacingOccurrences(
            of: "  timeouts:",
            with: """
                  intake: { xml: { namespaces: { crm: "urn:x" }, sender_reference: "/crm:Request/crm:Source/@reference" } },
                  timeouts:
                """)
        let folder = try Self.validFolder(hub: withIntake)
        let configuration = try Configuration.load(path: folder.path + "/caseway.json5", environment: Self.environment)
        #expect(configuration.hub.intake.xmlSenderReference?.source == "/crm:Request/crm:Source/@reference")

        let broken = try Self.validFolder(hub: withIntake.replacingOccurrences(of: "/crm:Request", with: "/nope:Request"))
        let found = problems(broken)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("caseway.json5:10:68: intake.xml.sender_reference: not a usable XPath: undeclared namespace prefix") == true, "\(found)")
    }

    @Test func nestedDeclarationFolders_AreNamedAsWritten() throws {
        let folder = try Self.validFolder(
            hub: Self.validHub.replacingOccurrences(of: "  clients: [", with: "  connectors_directory: \"conf/connectors\",\n  clients: ["))
        try folder.write("conf/connectors/bad.json5", #"{ name: "bad", kind: "fax" }"#)
        #expect(problems(folder) == [#"conf/connectors/bad.json5:1:22: kind: unknown connector kind "fax" (known: file, http, queue)"#])
    }

    @Test func didYouMean_SuggestsOnlyCloseWords() {
        #expect(DidYouMean.suggestion(for: "admn", among: ["submit", "admin"]) == "admin")
        #expect(DidYouMean.suggestion(for: "lisetn", among: ["listen", "limits"]) == "listen")
        #expect(DidYouMean.suggestion(for: "zzz", among: ["listen", "limits"]) == nil)
    }
}
