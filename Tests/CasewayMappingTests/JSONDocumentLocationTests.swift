import Testing
import CasewayMapping

/// Where values and keys were written, for configuration errors as `file:line:column: path: message`.
struct JSONDocumentLocationTests {
    private func locations(_ text: String, dialect: JSONParser.Dialect = .json) throws -> JSONDocument {
        try JSONParser(dialect: dialect, recordLocations: true).parse(text)
    }

    private func at(_ line: Int, _ column: Int, _ offset: Int) -> CasewayMapping.SourceLocation {
        CasewayMapping.SourceLocation(line: line, column: column, offset: offset)
    }

    @Test func everyValueAndKey_HasTheLocationOfItsFirstCharacter() throws {
        let document = try locations("""
            {
              "listen": "127.0.0.1:8080",
              "clients": [
                {"name": "webforms", "scopes": ["cases:write", "cases:read"]},
                {"name": "crm", "scopes": []}
              ]
            }
            """)
        let root = ValuePath.root
        #expect(document.valueLocations[root] == at(1, 1, 0))
        #expect(document.keyLocations[root / "listen"] == at(2, 3, 4))
        #expect(document.valueLocations[root / "listen"] == at(2, 13, 14))
        #expect(document.keyLocations[root / "clients"] == at(3, 3, 34))
        #expect(document.valueLocations[root / "clients"] == at(3, 14, 45))
        #expect(document.valueLocations[root / "clients" / 0] == at(4, 5, 51))
        #expect(document.keyLocations[root / "clients" / 0 / "name"] == at(4, 6, 52))
        #expect(document.valueLocations[root / "clients" / 0 / "name"] == at(4, 14, 60))
        #expect(document.valueLocations[root / "clients" / 0 / "scopes"] == at(4, 36, 82))
        #expect(document.valueLocations[root / "clients" / 0 / "scopes" / 1] == at(4, 52, 98))
        #expect(document.valueLocations[root / "clients" / 1 / "scopes"] == at(5, 31, 144))
        // 1 root + listen + clients + 2 clients × (object + name + scopes) + 2 scopes
        #expect(document.valueLocations.count == 11)
        #expect(document.keyLocations.count == 6)
    }

    @Test func columns_CountScalarsAfterMultiByteUTF8() throws {
        let document = try locations("{\"café\": \"Zoë — 😀\", \"b\": [1, \"é\", 2]}")
        #expect(document.keyLocations[.root / "café"] == at(1, 2, 1))
        #expect(document.valueLocations[.root / "café"] == at(1, 10, 10))
        #expect(document.keyLocations[.root / "b"] == at(1, 21, 27))
        #expect(document.valueLocations[.root / "b" / 1] == at(1, 30, 36))
        #expect(document.valueLocations[.root / "b" / 2] == at(1, 35, 42))
    }

    @Test func locations_AfterCommentsAndContinuedStrings() throws {
        let document = try locations("""
            // Connector: highways
            {
              /* retry policy,
                 in seconds */ retry: [30, /* then */ 300],
              note: 'one \\
            two', after: true,
            }
            """, dialect: .json5)
        #expect(document.keyLocations[.root / "retry"] == at(4, 20, 63))
        #expect(document.valueLocations[.root / "retry" / 1] == at(4, 43, 86))
        #expect(document.valueLocations[.root / "note"] == at(5, 9, 100))
        #expect(document.keyLocations[.root / "after"] == at(6, 7, 113))
        #expect(document.valueLocations[.root / "after"] == at(6, 14, 120))
    }

    @Test func tabsAndCRLF_AreOneColumnAndOneLineBreak() throws {
        let document = try locations("{\r\n\t\"a\":\r\n\t\t1}")
        #expect(document.keyLocations[.root / "a"] == at(2, 2, 4))
        #expect(document.valueLocations[.root / "a"] == at(3, 3, 12))
    }

    @Test func withoutRecordLocations_NothingIsRecorded() throws {
        let document = try JSONParser().parse(#"{"a":[1,2]}"#)
        #expect(document.valueLocations.isEmpty)
        #expect(document.keyLocations.isEmpty)
    }

    @Test func nearestLocation_IsThatOfTheEnclosingValue() throws {
        let document = try locations("{\n  \"clients\": [{\"name\": \"crm\"}]\n}")
        // A field the integrator left out is reported where its object starts.
        #expect(document.location(of: .root / "clients" / 0 / "scopes") == at(2, 15, 16))
        #expect(document.keyLocation(of: .root / "clients" / 0 / "name") == at(2, 16, 17))
    }
}
