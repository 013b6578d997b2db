import Testing
@testable import CasewayMapping

struct XPathTests {
    static let namespaces = [
        "sr": "urn:example:kestrel-vale:crm:service-request:2",
        "bs": "urn:example:bs7666:address:1",
    ]
    static let soapNamespaces = [
        "soap": "http://schemas.xmlsoap.org/soap/envelope/",
        "hw": "http://highways.example.org/remedy/",
    ]

    @Test func extractsTheBackOfficeReference_FromADefaultNamespaceResponse() throws {
        let response = try XMLDocument(parsing: XMLFixtures.highwaysEnquiryResponse)
        // The response binds the payload's namespace as the default; the mapping uses its own prefix.
        let reference = try XPathExpression(
            "string(/soap:Envelope/soap:Body/hw:CreateEnquiryResponse/hw:CreateEnquiryResult/hw:EnquiryReference)",
            namespaces: Self.soapNamespaces)
        #expect(try reference.evaluate(in: response) == .string("HE/2026/048213"))
        // Unprefixed names in XPath 1.0 mean "no namespace", so they do not match it.
        let unprefixed = try XPathExpression("//EnquiryReference")
        #expect(try unprefixed.evaluate(in: response) == .nodes([]))
    }

    @Test func prefixesNeedNotMatchTheDocuments() throws {
        let document = try XMLDocument(parsing: XMLFixtures.missedBin)
        let postcode = try XPathExpression("/sr:ServiceRequest/sr:Location/bs:Address/bs:PostCode", namespaces: Self.namespaces)
        let evaluator = try XPathEvaluator(document: document)
        #expect(try evaluator.string(postcode) == "KV3 9LT")
        let nodes = try evaluator.nodes(postcode)
        #expect(nodes.map(\.qualifiedName) == ["bs7666:PostCode"])
    }

    @Test func evaluatesRelativeToAContextNode_ForRepeatingGroups() throws {
        let document = try XMLDocument(parsing: """
            <order xmlns="urn:x">
              <line sku="A1"><qty>2</qty><price>1.50</price></line>
              <line sku="B2"><qty>1</qty><price>10</price></line>
              <line sku="C3"><qty>4</qty><price>0.25</price></line>
            </order>
            """)
        let namespaces = ["x": "urn:x"]
        let lines = try XPathExpression("/x:order/x:line", namespaces: namespaces)
        let sku = try XPathExpression("string(@sku)", namespaces: namespaces)
        let total = try XPathExpression("x:qty * x:price", namespaces: namespaces)
        let isFirst = try XPathExpression("not(preceding-sibling::x:line)", namespaces: namespaces)
        let evaluator = try XPathEvaluator(document: document)
        let groups = try evaluator.nodes(lines)
        #expect(groups.count == 3)
        #expect(try groups.map { try evaluator.string(sku, at: $0) } == ["A1", "B2", "C3"])
        #expect(try groups.map { try evaluator.number(total, at: $0) } == [3, 10, 1])
        #expect(try groups.map { try evaluator.boolean(isFirst, at: $0) } == [true, false, false])
    }

    @Test func returnsStringsNumbersBooleansAndNodeSets() throws {
        let document = try XMLDocument(parsing: XMLFixtures.highwaysEnquirySOAP)
        let evaluator = try XPathEvaluator(document: document)
        func value(_ source: String) throws -> XPathValue {
            try evaluator.evaluate(try XPathExpression(source, namespaces: Self.soapNamespaces))
        }
        #expect(try value("count(//documents/URL)") == .number(2))
        #expect(try value("//usrn + 0") == .number(38201577))
        #expect(try value("boolean(//hw:xDoc/wdmenquiry)") == .boolean(true))
        #expect(try value("//easting > 500000") == .boolean(false))
        #expect(try value("concat(//customer_details/name/firstname, ' ', //customer_details/name/lastname)") == .string("Margaret Oyelaran"))
        #expect(try value("normalize-space(//enquiry_reference)") == .string(""))
        guard case .nodes(let urls) = try value("//documents/URL") else {
            Issue.record("not a node-set")
            return
        }
        #expect(urls.map(\.textContent) == [
            "https://forms.southmoor.example.org/uploads/WF-26-118342/photo-1.jpg",
            "https://forms.southmoor.example.org/uploads/WF-26-118342/photo-2.jpg",
        ])
        // string() of a node-set is the first node's text, in document order.
        #expect(try evaluator.string(try XPathExpression("//documents/URL | //usrn")) == "38201577")
        #expect(try evaluator.number(try XPathExpression("//placename")).isNaN)
    }

    @Test func attributeNodesCarryTheirValue() throws {
        let document = try XMLDocument(parsing: XMLFixtures.missedBin)
        let evaluator = try XPathEvaluator(document: document)
        let attributes = try evaluator.nodes(try XPathExpression("//sr:Name/@*", namespaces: Self.namespaces))
        #expect(attributes.map(\.kind) == [.attribute, .attribute, .attribute])
        #expect(attributes.map(\.localName) == ["title", "forename", "surname"])
        #expect(attributes.map(\.textContent) == ["Ms", "Siobhán", "O’Donnell"])
        #expect(attributes[1].parent?.localName == "Name")
    }

    @Test func invalidExpressionsFailAtCompileTime_WithTheReason() throws {
        let unclosed = try #require(throws: XMLError.self) { try XPathExpression("//a[@b = 'c'") }
        #expect(unclosed.code == .invalidXPath)
        #expect(unclosed.message.contains("in XPath '//a[@b = 'c''"))

        let syntax = try #require(throws: XMLError.self) { try XPathExpression("//a/+") }
        #expect(syntax.code == .invalidXPath)
        #expect(syntax.message.contains("at character"))

        let prefix = try #require(throws: XMLError.self) { try XPathExpression("/hw:CreateEnquiry") }
        #expect(prefix.code == .invalidXPath)
        #expect(prefix.message.hasPrefix("undeclared namespace prefix in XPath '/hw:CreateEnquiry'"))

        let function = try #require(throws: XMLError.self) { try XPathExpression("concat2(//a, 'x')") }
        #expect(function.message == "unknown function 'concat2()' in XPath 'concat2(//a, 'x')' at character 1 (XPath 1.0 core functions only)")

        let variable = try #require(throws: XMLError.self) { try XPathExpression("//a[. = $reference]") }
        #expect(variable.code == .invalidXPath)
        #expect(variable.message.hasPrefix("variables are not supported"))

        #expect(throws: XMLError.self) { try XPathExpression("//a", namespaces: ["": "urn:x"]) }
        #expect(throws: XMLError.self) { try XPathExpression(String(repeating: "a/", count: 3000) + "a") }
    }

    @Test func functionCheckTellsFunctionsFromNamesAndOperators() throws {
        let accepted = [
            "//div", "//and/or", "a div b", "a mod 2 = 1", "child::text()", "node()", "count(a) div 2",
            "processing-instruction('x')", "//a[contains(., 'concat2(')]", "x:div", "5 * 4", "*/*",
            "substring-before(a, 'b')", "not(a) and b or c",
        ]
        for source in accepted {
            #expect(XPathFunctionCheck.firstUnknownFunction(in: source) == nil, "\(source)")
        }
        #expect(XPathFunctionCheck.firstUnknownFunction(in: "a and foo(b)")?.name == "foo")
        #expect(XPathFunctionCheck.firstUnknownFunction(in: "x:func(a)")?.name == "x:func")
        #expect(XPathFunctionCheck.firstUnknownFunction(in: "count (a) + upper-case(b)")?.name == "upper-case")
    }

    @Test func runawayEvaluationStopsAtTheOperationLimit() throws {
        let document = try XMLDocument(parsing: "<r>" + String(repeating: "<a/>", count: 2000) + "</r>")
        let quadratic = try XPathExpression("count(//a[count(//a) > 0])")
        let evaluator = try XPathEvaluator(document: document, operationLimit: 100_000)
        let error = try #require(throws: XMLError.self) { try evaluator.evaluate(quadratic) }
        #expect(error.code == .xpathEvaluation)
        #expect(error.message == "operation limit exceeded in XPath 'count(//a[count(//a) > 0])'")
        // The evaluator stays usable, and the limit is per evaluation.
        #expect(try evaluator.number(try XPathExpression("count(/r/a)")) == 2000)
        evaluator.operationLimit = XPathEvaluator.defaultOperationLimit
        #expect(try evaluator.number(quadratic) == 2000)
    }

    @Test func evaluationErrorsAreThrown() throws {
        let document = try XMLDocument(parsing: "<a><b/></a>")
        let evaluator = try XPathEvaluator(document: document)
        let notNodes = try #require(throws: XMLError.self) { try evaluator.nodes(try XPathExpression("count(//b)")) }
        #expect(notNodes.message == "XPath 'count(//b)' does not select nodes")
        let namespaceNodes = try #require(throws: XMLError.self) { try evaluator.evaluate(try XPathExpression("//b/namespace::*")) }
        #expect(namespaceNodes.message.contains("selects namespace nodes"))
        let other = try XMLDocument(parsing: "<a/>")
        let foreign = try #require(other.root)
        #expect(throws: XMLError.self) { try evaluator.evaluate(try XPathExpression("."), at: foreign) }
    }

    @Test func oneCompiledExpressionServesEightTasksOnSeparateDocuments() async throws {
        let reference = try XPathExpression(
            "concat(/sr:ServiceRequest/sr:Source/@reference, '|', string-length(//sr:Description), '|', translate(//bs:PostCode, ' ', ''))",
            namespaces: Self.namespaces)
        let expectedLength = try XPathEvaluator(document: XMLDocument(parsing: XMLFixtures.missedBin))
            .number(try XPathExpression("string-length(//sr:Description)", namespaces: Self.namespaces))
        let results = try await withThrowingTaskGroup(of: (Int, Set<String>).self) { group in
            for task in 0..<8 {
                group.addTask {
                    let text = XMLFixtures.missedBin.replacingOccurrences(of: "CRM-00731942", with: "CRM-\(task)")
                    let document = try XMLDocument(parsing: text)
                    var seen: Set<String> = []
                    for _ in 0..<500 {
                        let evaluator = try XPathEvaluator(document: document)
                        seen.insert(try evaluator.string(reference))
                    }
                    return (task, seen)
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(results.count == 8)
        for (task, seen) in results {
            #expect(seen == ["CRM-\(task)|\(Int(expectedLength))|KV39LT"])
        }
    }
}

extension String {
    /// Plain substring replacement, so these tests need no Foundation.
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
