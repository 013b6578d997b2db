import CasewayMapping
import Foundation
import Testing

@testable import Caseway

struct FileConnectorSettingsTests {
    static let sharedFields = ["name", "kind", "description", "when", "mapping", "retry", "rate_limit", "concurrency"]
    static let context = ConnectorContext(
        baseDirectory: URL(fileURLWithPath: "/etc/caseway"), environment: [:], namespaces: ["crm": "urn:example:crm"])

    /// Reads a connector file whose kind's own fields start on line 4, the way the configuration loader does.
    func read(_ fields: String) throws -> (settings: FileConnectorSettings?, problems: [String]) {
        let text = """
            {
              name: "waste-drop",
              kind: "file",
            \(fields)
            }
            """
        let document = try JSONParser(dialect: .json5, recordLocations: true).parse(text)
        let source = ConfigurationSource(displayPath: "Connectors/waste-drop.json5", document: document)
        let diagnostics = ConfigurationDiagnostics()
        let object = source.root(reportingTo: diagnostics).object(
            allowed: Self.sharedFields + FileConnectorSettings.fields,
            required: ["name", "kind"] + FileConnectorSettings.requiredFields)
        let settings = object.flatMap { FileConnectorSettings.read($0, context: Self.context) }
        return (settings, diagnostics.sortedProblems.map(\.description))
    }

    func problems(_ fields: String) throws -> [String] {
        let (settings, problems) = try read(fields)
        #expect(settings == nil, "settings with problems are not returned")
        return problems
    }

    @Test func onlyTheDirectory_GivesTheDefaults() throws {
        let (settings, problems) = try read(#"  directory: "drop/waste","#)
        #expect(problems == [])
        #expect(settings?.directory.path == "/etc/caseway/drop/waste", "relative to the configuration's folder")
        #expect(settings?.fileName.source == "{delivery.id}")
        #expect(settings?.fileExtension == nil)
        #expect(settings?.timeZone.identifier == "Europe/London")
        #expect(settings?.marker == FileMarker.none)
        #expect(settings?.createDirectory == false)
        #expect(settings?.fileMode == 0o644)
    }

    @Test func everyField_IsRead() throws {
        let (settings, problems) = try read(
            """
              directory: "/srv/drop/waste/",
              file_name: "waste-{date:yyyyMMdd}-{field:$.service_code}-{delivery.id}",
              extension: "xml.gz",
              time_zone: "UTC",
              marker: "ready",
              create_directory: true,
              file_mode: "0640",
            """)
        #expect(problems == [])
        #expect(settings?.directory.path == "/srv/drop/waste")
        #expect(settings?.fileName.source == "waste-{date:yyyyMMdd}-{field:$.service_code}-{delivery.id}")
        #expect(settings?.fileExtension == "xml.gz")
        #expect(settings?.timeZone.identifier == "UTC")
        #expect(settings?.marker == .ready)
        #expect(settings?.createDirectory == true)
        #expect(settings?.fileMode == 0o640)
        #expect(try settings?.makeTransport(connector: "waste-drop") is FileDropTransport)
    }

    @Test func emptyExtension_MeansNone() throws {
        let (settings, problems) = try read(#"  directory: "d", extension: "","#)
        #expect(problems == [])
        #expect(settings?.fileExtension == "")
    }

    @Test func missingDirectory_IsReportedOnceAtTheObject() throws {
        #expect(try problems(#"  marker: "done","#) == [#"Connectors/waste-drop.json5:1:1: missing required field "directory""#])
    }

    @Test func badDirectory_IsReportedAtItsValue() throws {
        #expect(try problems(#"  directory: "  ","#) == ["Connectors/waste-drop.json5:4:14: directory: must not be empty"])
        #expect(try problems("  directory: 7,") == ["Connectors/waste-drop.json5:4:14: directory: expected a string, found number"])
    }

    @Test func misspeltField_SuggestsTheRightOne() throws {
        // Unknown keys are the loader's to report (from `fields`); the kind's own settings are still read.
        let found = try read(#"  directory: "d", filename: "{case.id}","#).problems
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix(#"Connectors/waste-drop.json5:4:19: filename: unknown field "filename" (did you mean "file_name"?)"#) == true)
    }

    @Test func badTemplate_ReportsEveryProblemAtTheTemplate() throws {
        #expect(
            try problems(
                """
                  directory: "d",
                  file_name: "{case.idd}-{date:YYYY}-{delivery.id}",
                """) == [
                    #"Connectors/waste-drop.json5:5:14: file_name: unknown placeholder {case.idd} (did you mean "case.id"?) (known: {case.id}, {delivery.id}, {case.sender_reference}, {case.client}, {date:PATTERN}, {field:PATH})"#,
                    #"Connectors/waste-drop.json5:5:14: file_name: {date:YYYY}: "YYYY" is not a date-time pattern (YYYY is not a field; put literal letters in single quotes)"#,
                ])
    }

    @Test func templateWithoutAnID_IsAProblem() throws {
        let found = try problems(
            """
              directory: "d",
              file_name: "{date:yyyyMMdd}",
            """)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("Connectors/waste-drop.json5:5:14: file_name: must contain {delivery.id} or {case.id}") == true)
    }

    @Test func templateWhoseFixedPartsCannotFit_IsAProblem() throws {
        let literal = String(repeating: "x", count: 170)
        #expect(
            try problems(#"  directory: "d", file_name: "\#(literal){delivery.id}","#) == [
                "Connectors/waste-drop.json5:4:30: file_name: the template's literal text, ids and extension take 211 bytes; file names are limited to 200"
            ])
    }

    @Test func badExtension_IsReported() throws {
        #expect(try problems(#"  directory: "d", extension: ".csv","#) == [
            #"Connectors/waste-drop.json5:4:30: extension: write the extension without its dot: "csv""#
        ])
        #expect(try problems(#"  directory: "d", extension: "c/sv","#) == [
            #"Connectors/waste-drop.json5:4:30: extension: "c/sv" is not a file extension (letters, digits, "-", "_" and single inner dots, such as "csv" or "xml.gz")"#
        ])
        #expect(try problems(#"  directory: "d", extension: "abcdefghijklmnopq","#) == [
            "Connectors/waste-drop.json5:4:30: extension: is longer than 16 characters"
        ])
    }

    @Test func badTimeZone_IsReported() throws {
        #expect(try problems(#"  directory: "d", time_zone: "BST","#) == [
            #"Connectors/waste-drop.json5:4:30: time_zone: "BST" is not an IANA time zone name (use a name such as Europe/London; abbreviations like BST are ambiguous)"#
        ])
    }

    @Test func badMarker_IsReportedWithTheKnownWords() throws {
        #expect(try problems(#"  directory: "d", marker: "redy","#) == [
            #"Connectors/waste-drop.json5:4:27: marker: unknown marker "redy" (did you mean "ready"?) (known: none, ready, done)"#
        ])
    }

    @Test func badCreateDirectory_IsReported() throws {
        #expect(try problems(#"  directory: "d", create_directory: "yes","#) == [
            "Connectors/waste-drop.json5:4:37: create_directory: expected true or false, found string"
        ])
    }

    @Test(arguments: [
        ("644", #"Connectors/waste-drop.json5:4:30: file_mode: write the mode as octal text in quotes, such as "0640""#),
        (#""0648""#, #"Connectors/waste-drop.json5:4:30: file_mode: "0648" is not an octal file mode such as "0640""#),
        (#""rw-r--r--""#, #"Connectors/waste-drop.json5:4:30: file_mode: "rw-r--r--" is not an octal file mode such as "0640""#),
        (#""4755""#, #"Connectors/waste-drop.json5:4:30: file_mode: "4755" sets setuid, setgid or sticky bits; a dropped file needs permission bits only (up to "0777")"#),
        (#""0444""#, #"Connectors/waste-drop.json5:4:30: file_mode: "0444" does not let the owner write the file; give at least "0200", such as "0640""#),
    ])
    func badFileMode_IsReported(value: String, expected: String) throws {
        #expect(try problems(#"  directory: "d", file_mode: \#(value),"#) == [expected])
    }

    @Test func everyBadField_IsReportedInOneRun() throws {
        let found = try problems(
            """
              directory: "",
              file_name: "{nope}",
              extension: ".x",
              time_zone: "Mars/Olympus",
              marker: 1,
              create_directory: 0,
              file_mode: "9",
            """)
        #expect(found.map { $0.split(separator: ":").prefix(3).joined(separator: ":") } == [
            "Connectors/waste-drop.json5:4:14", "Connectors/waste-drop.json5:5:14", "Connectors/waste-drop.json5:6:14",
            "Connectors/waste-drop.json5:7:14", "Connectors/waste-drop.json5:8:11", "Connectors/waste-drop.json5:9:21",
            "Connectors/waste-drop.json5:10:14",
        ])
    }
}
