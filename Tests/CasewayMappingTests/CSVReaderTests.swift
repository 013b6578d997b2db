import Testing
@testable import CasewayMapping

struct CSVReaderTests {
    /// fixtures/backoffice/status-feed.csv: LF line ends, a duplicate row, an unknown code, an empty Caseway ref,
    /// and the ambiguous 25/10/2026 01:30.
    static let statusFeed = """
        CaseRef,ExternalRef,StatusCode,StatusTime,Comment
        PLN/ENF/26/0112,CWY-26-000398,REG,12/10/2026 10:02,Case registered
        PLN/ENF/26/0112,CWY-26-000398,SV,19/10/2026 14:30,"Site visit: rear extension, approx. 4m deep"
        PLN/ENF/26/0112,CWY-26-000398,SV,19/10/2026 14:30,"Site visit: rear extension, approx. 4m deep"
        PLN/ENF/26/0118,CWY-26-000405,INV,23/10/2026 11:15,Owner contacted; retrospective application invited
        PLN/ENF/26/0118,CWY-26-000405,NFA,25/10/2026 01:30,"Closed by overnight batch: ""permitted development"" confirmed"
        PLN/ENF/26/0112,CWY-26-000398,HLD,26/10/2026 09:00,Held pending legal advice
        PLN/ENF/26/0121,,REG,26/10/2026 09:10,Case registered (officer-raised)

        """

    @Test func readsTheStatusFeed() throws {
        let records = try CSVReader().records(in: Self.statusFeed)
        #expect(records.count == 8)
        #expect(records[0].fields == ["CaseRef", "ExternalRef", "StatusCode", "StatusTime", "Comment"])
        #expect(records[2].fields == ["PLN/ENF/26/0112", "CWY-26-000398", "SV", "19/10/2026 14:30", "Site visit: rear extension, approx. 4m deep"])
        #expect(records[2].fields == records[3].fields)
        #expect(records[5].fields[4] == #"Closed by overnight batch: "permitted development" confirmed"#)
        #expect(records[5].fields[3] == "25/10/2026 01:30")
        #expect(records[7].fields == ["PLN/ENF/26/0121", "", "REG", "26/10/2026 09:10", "Case registered (officer-raised)"])
        #expect(records.map(\.line) == Array(1...8))
        #expect(records.allSatisfy { $0.fields.count == 5 })
    }

    @Test func readsTheWasteDropBackIncludingTheQuotedLineBreak() throws {
        let records = try CSVReader().records(in: CSVWriterTests.wasteDropFile)
        #expect(records.map(\.fields) == [CSVWriterTests.wasteDropHeader] + CSVWriterTests.wasteDropRows)
        // The last record starts on line 4 and its Notes field runs onto line 5.
        #expect(records.map(\.line) == [1, 2, 3, 4])
    }

    @Test func lineEndsMayBeMixedAndTheLastIsOptional() throws {
        let records = try CSVReader().records(in: "a,b\r\nc,d\ne,f")
        #expect(records.map(\.fields) == [["a", "b"], ["c", "d"], ["e", "f"]])
    }

    @Test func emptyFieldsAndBlankLines() throws {
        let records = try CSVReader().records(in: "a,,\n\n,\n\"\"\n\r\n")
        #expect(records.map(\.fields) == [["a", "", ""], ["", ""], [""]])
        #expect(records.map(\.line) == [1, 3, 4])
        #expect(try CSVReader().records(in: "").isEmpty)
    }

    @Test func byteOrderMarkIsDropped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Ref\r\nCWY-1\r\n".utf8)
        let records = try CSVReader().records(in: bytes)
        #expect(records.map(\.fields) == [["Ref"], ["CWY-1"]])
    }

    @Test func otherDelimiters() throws {
        let records = try CSVReader(delimiter: ";").records(in: "a;\"b;c\";d,e\n")
        #expect(records.map(\.fields) == [["a", "b;c", "d,e"]])
    }

    @Test func loneCarriageReturnIsData() throws {
        let records = try CSVReader().records(in: "a\rb,c\n")
        #expect(records.map(\.fields) == [["a\rb", "c"]])
    }

    @Test func unclosedQuoteSaysWhereItOpened() {
        let error = #expect(throws: CSVError.self) { try CSVReader().records(in: "a,b\nc,\"never closed\nmore\n") }
        #expect(error == CSVError(line: 2, column: 3, reason: "a quoted field is not closed"))
        #expect(error?.description == "line 2, column 3: a quoted field is not closed")
    }

    @Test func strayQuotesAreErrorsWithLineAndColumn() {
        let inside = #expect(throws: CSVError.self) { try CSVReader().records(in: "Ref,Notes\nCWY-1,5\" pipe\n") }
        #expect(inside?.line == 2)
        #expect(inside?.column == 8)
        #expect(inside?.reason.hasPrefix("a quote inside an unquoted field") == true)
        let after = #expect(throws: CSVError.self) { try CSVReader().records(in: "\"Café\"x,b\n") }
        #expect(after?.line == 1)
        #expect(after?.column == 7)
    }

    @Test func bytesThatAreNotUTF8AreRefusedWithTheLine() {
        let bytes: [UInt8] = Array("Ref,Name\nCWY-1,Caf".utf8) + [0xE9] + Array("\n".utf8)
        let error = #expect(throws: CSVError.self) { try CSVReader().records(in: bytes) }
        #expect(error?.line == 2)
    }

    @Test func writerAndReaderRoundTripAwkwardFields() throws {
        let rows = [["", " x ", "a,b", "\"", "\r\n", "l1\nl2", "🇬🇧", "=1+1"], ["only"]]
        for writer in [try CSVWriter(), try CSVWriter(lineEnding: "\n")] {
            let text = writer.encode(rows: rows)
            #expect(try CSVReader().records(in: text).map(\.fields) == rows)
        }
    }
}
