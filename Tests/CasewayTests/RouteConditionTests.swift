import CasewayMapping
import Testing

@testable import Caseway

/// Reading a connector's `when` (problems with file:line:column) and evaluating it on JSON and XML cases.
struct RouteConditionTests {
    static let crm = "urn:example:kestrel-vale:crm:service-request:2"

    /// Reads `text` as a connector file's `when`; the condition, or the problems as printed.
    static func read(_ text: String, namespaces: [String: String] = ["crm": crm]) throws -> (RouteCondition?, [String]) {
        let document = try JSONParser(dialect: .json5, recordLocations: true).parse(Array(text.utf8))
        let diagnostics = ConfigurationDiagnostics()
        let source = ConfigurationSource(displayPath: "when.json5", document: document)
        let condition = RouteCondition.read(source.root(reportingTo: diagnostics), namespaces: namespaces)
        return (condition, diagnostics.sortedProblems.map(\.description))
    }

    static func condition(_ text: String) throws -> RouteCondition {
        let (condition, problems) = try read(text)
        #expect(problems.isEmpty)
        return try #require(condition)
    }

    static func json(_ text: String, client: String = "webforms") throws -> CaseDocument {
        let value = try JSONParser(dialect: .json).parse(Array(text.utf8)).value
        return CaseDocument(client: client, contentType: "application/json", senderReference: nil, body: .json(value))
    }

    static func xml(_ text: String) throws -> CaseDocument {
        CaseDocument(
            client: "crm", contentType: "application/xml", senderReference: "CRM-1",
            body: .xml(try XMLDocument(parsing: text)))
    }

    static let streetLight = #"{ "service_code": "SL01", "priority": 2, "urgent": true, "tags": ["dark", "column"] }"#
    static let missedBin = #"{ "service_code": "WS_MISS", "priority": 3, "urgent": false, "tags": [] }"#
    static let crmRequest = """
        <crm:ServiceRequest xmlns:crm="\(crm)">
          <crm:Service code="POT"/>
          <crm:Item>kerb</crm:Item><crm:Item>drain</crm:Item>
        </crm:ServiceRequest>
        """

    // MARK: - Evaluation

    @Test func equals_MatchesTheFieldsTextOnly() throws {
        let condition = try Self.condition(#"{ field: "$.service_code", equals: "SL01" }"#)
        #expect(condition.matches(try Self.json(Self.streetLight)))
        #expect(!condition.matches(try Self.json(Self.missedBin)))
        #expect(!condition.matches(try Self.json(#"{ "other": "SL01" }"#)), "a missing field matches nothing")
    }

    @Test func numbersAndBooleans_AreComparedAsTheirJSONText() throws {
        let priority = try Self.condition(#"{ field: "$.priority", equals: 2 }"#)
        #expect(priority.matches(try Self.json(Self.streetLight)))
        #expect(!priority.matches(try Self.json(Self.missedBin)))
        #expect(!priority.matches(try Self.json(#"{ "priority": 2.0 }"#)), "2.0 is not the text 2")
        #expect(priority.matches(try Self.json(#"{ "priority": "2" }"#)), "a string \"2\" has the same text")
        let urgent = try Self.condition(#"{ field: "$.urgent", in: [true] }"#)
        #expect(urgent.matches(try Self.json(Self.streetLight)))
        #expect(!urgent.matches(try Self.json(Self.missedBin)))
    }

    @Test func in_MatchesAnyListedValue() throws {
        let condition = try Self.condition(#"{ field: "$.service_code", in: ["POT", "SL01"] }"#)
        #expect(condition.matches(try Self.json(Self.streetLight)))
        #expect(!condition.matches(try Self.json(Self.missedBin)))
    }

    @Test func prefix_MatchesTheStartOfTheValue() throws {
        let condition = try Self.condition(#"{ field: "$.service_code", prefix: "WS_" }"#)
        #expect(condition.matches(try Self.json(Self.missedBin)))
        #expect(!condition.matches(try Self.json(Self.streetLight)))
    }

    @Test func wildcard_MatchesWhenAnyValueMatches() throws {
        let condition = try Self.condition(#"{ field: "$.tags[*]", equals: "column" }"#)
        #expect(condition.matches(try Self.json(Self.streetLight)))
        #expect(!condition.matches(try Self.json(Self.missedBin)), "an empty array has no values")
    }

    @Test func exists_TrueAndFalse() throws {
        let exists = try Self.condition(#"{ field: "$.tags[0]", exists: true }"#)
        let absent = try Self.condition(#"{ field: "$.tags[0]", exists: false }"#)
        #expect(exists.matches(try Self.json(Self.streetLight)))
        #expect(!exists.matches(try Self.json(Self.missedBin)))
        #expect(!absent.matches(try Self.json(Self.streetLight)))
        #expect(absent.matches(try Self.json(Self.missedBin)))
        #expect(absent.matches(try Self.json(#"{ "tags": null }"#)), "null is no value")
    }

    @Test func xpathWithIntakeNamespaces_ReadsXMLCases() throws {
        let code = try Self.condition(#"{ field: "/crm:ServiceRequest/crm:Service/@code", in: ["POT", "SL01"] }"#)
        #expect(code.matches(try Self.xml(Self.crmRequest)))
        #expect(!code.matches(try Self.json(Self.streetLight)), "an XPath selects nothing in a JSON case")
        let items = try Self.condition(#"{ field: "/crm:ServiceRequest/crm:Item", equals: "drain" }"#)
        #expect(items.matches(try Self.xml(Self.crmRequest)), "any node of a node-set may match")
        let reference = try Self.condition(#"{ field: "sender_reference", prefix: "CRM-" }"#)
        #expect(reference.matches(try Self.xml(Self.crmRequest)))
        #expect(!reference.matches(try Self.json(Self.streetLight)), "no sender reference: no value")
    }

    @Test func allAnyNot_Combine() throws {
        let condition = try Self.condition(
            """
            { all: [
                { any: [ { field: "$.service_code", prefix: "SL" }, { field: "$.service_code", equals: "POT" } ] },
                { not: { field: "client", equals: "contact-centre" } },
            ] }
            """)
        #expect(condition.matches(try Self.json(Self.streetLight)))
        #expect(!condition.matches(try Self.json(Self.missedBin)), "any of neither fails")
        #expect(!condition.matches(try Self.json(Self.streetLight, client: "contact-centre")), "not excludes the client")
    }

    // MARK: - Explanations

    @Test func decision_NamesTheDecidingConditionItsLocationAndTheValues() throws {
        let condition = try Self.condition(
            """
            { all: [
                { field: "$.urgent", equals: true },
                { field: "$.service_code", in: ["POT", "SL01"] },
            ] }
            """)
        let decision = condition.decide(try Self.json(#"{ "urgent": true, "service_code": "WS_MISS" }"#))
        #expect(
            decision
                == RouteDecision(
                    holds: false, condition: #"$.service_code in ["POT", "SL01"]"#, origin: "when.json5:3:5",
                    reason: #"$.service_code is "WS_MISS", not in ["POT", "SL01"]"#))
        let missing = condition.decide(try Self.json(#"{ "service_code": "SL01" }"#))
        #expect(missing.reason == #"$.urgent has no value, not "true""#)
        #expect(missing.origin == "when.json5:2:5")
        let taken = condition.decide(try Self.json(Self.streetLight))
        #expect(taken.holds)
        #expect(taken.origin == "when.json5:1:1")
        #expect(taken.reason == #"$.urgent is "true"; $.service_code is "SL01", in ["POT", "SL01"]"#)
    }

    @Test func decision_OfNotAndAnySaysWhy() throws {
        let not = try Self.condition(#"{ not: { field: "$.service_code", prefix: "WS_" } }"#)
        let decision = not.decide(try Self.json(Self.missedBin))
        #expect(!decision.holds)
        #expect(decision.condition == #"not ($.service_code starts with "WS_")"#)
        #expect(decision.reason == #"$.service_code is "WS_MISS", starts with "WS_""#)
        let any = try Self.condition(#"{ any: [ { field: "$.a", exists: true }, { field: "$.tags[*]", equals: "x" } ] }"#)
        let none = any.decide(try Self.json(Self.streetLight))
        #expect(!none.holds)
        #expect(none.reason == #"$.a has no value; $.tags[*] is "dark", "column", not "x""#)
    }

    // MARK: - Validation

    @Test func unknownOperator_IsReportedAtTheKeyWithDidYouMean() throws {
        let (condition, problems) = try Self.read(#"{ field: "$.service_code", equal: "SL01" }"#)
        #expect(condition == nil)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix(#"when.json5:1:28: equal: unknown field "equal" (did you mean "equals"?)"#) == true)
    }

    @Test func zeroOrTwoOperators_AreReported() throws {
        let (_, none) = try Self.read(#"{ field: "$.service_code" }"#)
        #expect(none == ["when.json5:1:1: a condition needs one operator: equals, in, prefix, exists, all, any, not"])
        let (_, two) = try Self.read(#"{ field: "$.service_code", equals: "A", prefix: "B" }"#)
        #expect(
            two == [
                "when.json5:1:1: one operator per condition, found equals and prefix; combine conditions with all or any"
            ])
    }

    @Test func missingField_EmptyCombination_BadInAndBadFieldAreEachReported() throws {
        let (condition, problems) = try Self.read(
            """
            { any: [
                { equals: "SL01" },
                { all: [] },
                { field: "$.service_code", in: "SL01" },
                { field: "service_code", equals: "x" },
                { field: "$.a", in: [null] },
                { field: "$[", equals: "x" },
            ] }
            """)
        #expect(condition == nil)
        #expect(problems.count == 6, "\(problems)")
        #expect(problems[0] == #"when.json5:2:5: any[0]: missing required field "field" (the case field that "equals" tests)"#)
        #expect(problems[1] == #"when.json5:3:12: any[1].all: "all" needs at least one condition"#)
        #expect(problems[2].hasPrefix(#"when.json5:4:36: any[2].in: expected a list of values"#))
        #expect(problems[3].hasPrefix(#"when.json5:5:14: any[3].field: "service_code" is not a case field"#))
        #expect(problems[4] == "when.json5:6:26: any[4].in[0]: expected a string, a number or true/false, found null")
        #expect(problems[5].hasPrefix("when.json5:7:14: any[5].field: not a usable JSONPath"))
    }

    @Test func unknownNamespacePrefix_IsABadField() throws {
        let (_, problems) = try Self.read(#"{ field: "/x:Request/@code", equals: "A" }"#, namespaces: [:])
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("when.json5:1:10: field: not a usable XPath") == true)
    }

    @Test func nestingDeeperThanSixteen_IsRefused() throws {
        let leaf = #"{ field: "$.a", exists: true }"#
        let sixteen = String(repeating: "{ not: ", count: 15) + leaf + String(repeating: " }", count: 15)
        #expect(try Self.read(sixteen).1.isEmpty)
        let seventeen = "{ not: " + sixteen + " }"
        let (condition, problems) = try Self.read(seventeen)
        #expect(condition == nil)
        #expect(problems.count == 1)
        #expect(problems.first?.hasSuffix("conditions nest deeper than 16 levels") == true)
    }

    @Test func fieldOnACombination_IsReported() throws {
        let (_, problems) = try Self.read(#"{ field: "$.a", not: { field: "$.a", exists: true } }"#)
        #expect(problems == [#"when.json5:1:3: field: "field" does not apply to "not", which combines other conditions"#])
    }
}
