import CasewayMapping
import Testing

@testable import Caseway

/// Fan-out over every connector's `when`, and the explanations `caseway route` prints.
struct RoutingTableTests {
    /// A connector file; the kind's own required fields go last when the kinds grow them.
    static func connector(_ name: String, when: String?) -> String {
        "{ name: \"\(name)\", kind: \"file\", directory: \"drop\"" + (when.map { ",\n  when: \($0)" } ?? "") + " }"
    }

    static func table(_ connectors: [(String, String?)]) throws -> (RoutingTable, TemporaryDirectory) {
        let folder = try TemporaryDirectory()
        try folder.write("caseway.json5", ConnectorConfigurationTests.hub)
        try folder.write("Mappings/.keep", "")
        for (name, when) in connectors { try folder.write("Connectors/\(name).json5", connector(name, when: when)) }
        let configuration = try Configuration.load(
            path: folder.path + "/caseway.json5", environment: ConnectorConfigurationTests.environment)
        return (RoutingTable(connectors: configuration.connectors), folder)
    }

    static func json(_ text: String) throws -> CaseDocument {
        CaseDocument(
            client: "webforms", contentType: "application/json", senderReference: nil,
            body: .json(try JSONParser().parse(Array(text.utf8)).value))
    }

    static let connectors: [(String, String?)] = [
        ("waste", #"{ field: "$.service_code", prefix: "WS_" }"#),
        ("county", #"{ field: "$.service_code", in: ["POT", "SL01"] }"#),
        ("lights-audit", #"{ field: "$.service_code", equals: "SL01" }"#),
    ]

    @Test func route_FansOutToEveryTakingConnector_SortedByName() throws {
        let (table, _) = try Self.table(Self.connectors)
        #expect(table.route(try Self.json(#"{ "service_code": "SL01" }"#)) == ["county", "lights-audit"])
        #expect(table.route(try Self.json(#"{ "service_code": "POT" }"#)) == ["county"])
        #expect(table.route(try Self.json(#"{ "service_code": "WS_MISS" }"#)) == ["waste"])
        #expect(table.route(try Self.json(#"{ "service_code": "PLAN" }"#)).isEmpty, "no route")
        #expect(table.route(try Self.json(#"{ }"#)).isEmpty)
    }

    @Test func connectorWithoutWhen_TakesEveryCase() throws {
        let (table, _) = try Self.table(Self.connectors + [("archive", nil)])
        #expect(table.route(try Self.json(#"{ "service_code": "PLAN" }"#)) == ["archive"])
        #expect(table.route(try Self.json(#"{ "service_code": "SL01" }"#)) == ["archive", "county", "lights-audit"])
        let explanation = try #require(table.explain(try Self.json("{}")).first)
        #expect(explanation == RouteExplanation(connector: "archive", takes: true, decision: nil))
        #expect(explanation.description == "archive: takes it: no when: takes every case")
    }

    @Test func explain_SaysPerConnectorWhichConditionDecidedAndWhy() throws {
        let (table, folder) = try Self.table(Self.connectors)
        let lines = table.explain(try Self.json(#"{ "service_code": "WS_MISS" }"#)).map {
            $0.description.replacingOccurrences(of: folder.path + "/", with: "")
        }
        #expect(
            lines == [
                #"county: does not take it: $.service_code in ["POT", "SL01"] (Connectors/county.json5:2:9): $.service_code is "WS_MISS", not in ["POT", "SL01"]"#,
                #"lights-audit: does not take it: $.service_code equals "SL01" (Connectors/lights-audit.json5:2:9): $.service_code is "WS_MISS", not "SL01""#,
                #"waste: takes it: $.service_code starts with "WS_" (Connectors/waste.json5:2:9): $.service_code is "WS_MISS", starts with "WS_""#,
            ])
    }

    @Test func explainAndRoute_Agree() throws {
        let (table, _) = try Self.table(Self.connectors + [("none", #"{ not: { field: "client", exists: true } }"#)])
        for code in ["SL01", "POT", "WS_X", "PLAN"] {
            let document = try Self.json(#"{ "service_code": "\#(code)" }"#)
            #expect(table.explain(document).filter(\.takes).map(\.connector) == table.route(document))
        }
    }
}
