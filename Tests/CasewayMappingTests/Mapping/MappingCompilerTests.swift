import Testing
@testable import CasewayMapping

struct MappingCompilerTests {
    @Test func reportsEveryProblemAtOnce_WithFileLineAndColumn() {
        let problems = MappingTestSupport.compileProblems("""
            {
              name: "broken",
              input: "jsn",
              output: "xml",
              xml: { root: "Enquiry" },
              fields: [
                { target: "Ref", source: "$.id", transforms: ["trimm"] },
                { target: "Easting", source: "$.location[", transforms: [{ truncate: -1 }] },
                { target: "Code", source: "$.code", transforms: [{ lookup: "categorys" }] },
                { target: "Bad name", value: "x" },
              ],
              tables: { categories: { entries: { A: "B" } } },
            }
            """)
        #expect(problems.contains(#"Mappings/test.json5:3:10: input: unknown input format "jsn" (did you mean "json"?) (known: json, xml)"#))
        #expect(problems.contains { $0.hasPrefix(#"Mappings/test.json5:7:51: fields[0].transforms[0]: unknown transform "trimm" (did you mean "trim"?)"#) })
        #expect(problems.contains { $0.hasPrefix("Mappings/test.json5:8:34: fields[1].source: \"$.location[\" is not a JSONPath") })
        #expect(problems.contains("Mappings/test.json5:8:74: fields[1].transforms[0].truncate: -1 is out of range (0...1000000)"))
        #expect(problems.contains { $0.hasPrefix(#"Mappings/test.json5:9:64: fields[2].transforms[0].lookup: unknown table "categorys" (did you mean "categories"?)"#) })
        #expect(problems.contains(#"Mappings/test.json5:10:15: fields[3].target: "Bad name" is not a valid XML name"#))
        #expect(problems.count == 6)
    }

    @Test func unknownFieldKey_GetsDidYouMean() {
        let problems = MappingTestSupport.compileProblems(
            #"{ name: "t", input: "json", output: "json", fields: [{ target: "a", sorce: "$.a" }] }"#)
        #expect(problems.contains { $0.contains(#"fields[0].sorce: unknown field "sorce" (did you mean "source"?)"#) })
    }

    @Test func unknownOutputFormat_IsNamed() {
        let problems = MappingTestSupport.compileProblems(#"{ name: "t", input: "json", output: "cvs", fields: [] }"#)
        #expect(problems.contains { $0.contains(#"unknown output format "cvs" (did you mean "csv"?)"#) })
    }

    @Test func jsonPathForXMLInput_IsExplained() {
        let problems = MappingTestSupport.compileProblems(
            #"{ name: "t", input: "xml", output: "json", fields: [{ target: "a", source: "$.a" }] }"#)
        #expect(problems.contains { $0.contains("is a JSONPath, but this mapping reads XML") })
    }

    @Test func badXPath_AndUndeclaredOutputPrefix_AreReported() {
        let problems = MappingTestSupport.compileProblems("""
            { name: "t", input: "xml", output: "xml", xml: { root: "r" },
              fields: [{ target: "a", source: "/a[" }, { target: "hw:b", value: 1 }] }
            """)
        #expect(problems.contains { $0.contains("fields[0].source: \"/a[\" is not a valid XPath") })
        #expect(problems.contains { $0.contains(#"fields[1].target: prefix "hw" is not declared in xml.namespaces"#) })
    }

    @Test func fieldNeedsExactlyOneSource() {
        let problems = MappingTestSupport.compileProblems(
            #"{ name: "t", input: "json", output: "json", fields: [{ target: "a" }, { target: "b", value: 1, source: "$.b" }] }"#)
        #expect(problems.contains { $0.contains("fields[0]: a field needs one of \"source\"") })
        #expect(problems.contains { $0.contains("fields[1].value: give only one of") })
    }

    @Test func badDateTimeZoneAndPattern_FailAtCompileTime() {
        let problems = MappingTestSupport.compileProblems("""
            { name: "t", input: "json", output: "json", fields: [
              { target: "a", source: "$.a", transforms: [{ datetime: "YYYY-MM-dd", zone: "BST" }] } ] }
            """)
        #expect(problems.count == 2)
    }

    @Test func csvTargetsAreColumnNames() {
        let problems = MappingTestSupport.compileProblems(
            #"{ name: "t", input: "json", output: "csv", fields: [{ target: "a/b", source: "$.a" }] }"#)
        #expect(problems.contains { $0.contains("a CSV target is a column name") })
    }
}
