import Testing
@testable import CasewayMapping

struct CSVWriterTests {
    /// fixtures/backoffice/waste-drop.csv, byte for byte (933 bytes): every record ends in an explicit CRLF,
    /// including the one inside the quoted Notes field of the last row.
    static let wasteDropFile = """
        Reference,Received,Service,UPRN,Address,Postcode,Container,Missed Date,Notes,Contact Name,Contact Phone,Assisted\r\n\
        CWY-26-000421,20/10/2026 17:42,WS_MISS,200003931044,"Flat 2, 7 Station Parade, Kestrel Vale",KV3 9LT,RES-240,20/10/2026,"Grey bin missed again — third time since the round changed in September (<3 weeks apart). It was out by 6.30am beside the Corner Café as usual. Caller has already paid £25 for a replacement lid & says: ""please don't record it as not presented"".",Siobhán O’Donnell,07700 900872,N\r\n\
        CWY-26-000425,22/10/2026 08:05,WS_MISS,200003930518,"The Old Forge, Hollins Lane, Kestrel Vale",KV3 9NB,GDN-240,21/10/2026,Garden waste bin not emptied,Peter Ashworth,01632 960255,Y\r\n\
        CWY-26-000426,22/10/2026 09:31,WS_MISS,200003931187,"14 Larkspur Close, Kestrel Vale",KV7 2HN,RCY-55,22/10/2026,"Recycling box missed.\r\n\
        Crew left a ""contaminated"" tag but the caller disputes it",Amira Haddad,07700 900318,N\r\n
        """

    static let wasteDropHeader = ["Reference", "Received", "Service", "UPRN", "Address", "Postcode", "Container", "Missed Date", "Notes", "Contact Name", "Contact Phone", "Assisted"]

    static let wasteDropRows: [[String]] = [
        ["CWY-26-000421", "20/10/2026 17:42", "WS_MISS", "200003931044", "Flat 2, 7 Station Parade, Kestrel Vale", "KV3 9LT", "RES-240", "20/10/2026", "Grey bin missed again — third time since the round changed in September (<3 weeks apart). It was out by 6.30am beside the Corner Café as usual. Caller has already paid £25 for a replacement lid & says: \"please don't record it as not presented\".", "Siobhán O’Donnell", "07700 900872", "N"],
        ["CWY-26-000425", "22/10/2026 08:05", "WS_MISS", "200003930518", "The Old Forge, Hollins Lane, Kestrel Vale", "KV3 9NB", "GDN-240", "21/10/2026", "Garden waste bin not emptied", "Peter Ashworth", "01632 960255", "Y"],
        ["CWY-26-000426", "22/10/2026 09:31", "WS_MISS", "200003931187", "14 Larkspur Close, Kestrel Vale", "KV7 2HN", "RCY-55", "22/10/2026", "Recycling box missed.\r\nCrew left a \"contaminated\" tag but the caller disputes it", "Amira Haddad", "07700 900318", "N"],
    ]

    @Test func reproducesTheWasteDropFixtureByteForByte() throws {
        let writer = try CSVWriter()
        let output = writer.encode(header: Self.wasteDropHeader, rows: Self.wasteDropRows)
        #expect(Array(output.utf8) == Array(Self.wasteDropFile.utf8))
        #expect(output.utf8.count == 933)
        #expect(!output.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test func quotesOnlyWhenNeeded() throws {
        let writer = try CSVWriter()
        #expect(writer.encode(field: "plain text") == "plain text")
        #expect(writer.encode(field: "") == "")
        #expect(writer.encode(field: "a,b") == #""a,b""#)
        #expect(writer.encode(field: #"say "hi""#) == #""say ""hi""""#)
        #expect(writer.encode(field: "line\nbreak") == "\"line\nbreak\"")
        #expect(writer.encode(field: "cr\rhere") == "\"cr\rhere\"")
        #expect(writer.encode(field: " leading") == #"" leading""#)
        #expect(writer.encode(field: "trailing\t") == "\"trailing\t\"")
        #expect(writer.encode(field: "in side") == "in side")
        #expect(writer.encode(field: "semi;colon") == "semi;colon")
    }

    @Test func otherDelimitersAndLineEnds() throws {
        let writer = try CSVWriter(delimiter: ";", lineEnding: "\n")
        #expect(writer.encode(row: ["a;b", "c,d", "e"]) == "\"a;b\";c,d;e\n")
        let tabs = try CSVWriter(delimiter: "\t")
        #expect(tabs.encode(row: ["a\tb", "c"]) == "\"a\tb\"\tc\r\n")
    }

    @Test func oneRowAtATimeMatchesTheWholeFile() throws {
        let writer = try CSVWriter()
        var output = ""
        writer.append(row: Self.wasteDropHeader, to: &output)
        for row in Self.wasteDropRows { output += writer.encode(row: row) }
        #expect(output == Self.wasteDropFile)
        #expect(writer.encode(rows: []) == "")
    }

    @Test func formulaGuardIsOffByDefault() throws {
        #expect(try CSVWriter().encode(row: ["=SUM(A1:A9)", "-5"]) == "=SUM(A1:A9),-5\r\n")
    }

    @Test func formulaGuardPrefixesAQuote() throws {
        let writer = try CSVWriter(guardsAgainstFormulas: true)
        #expect(writer.encode(field: "=HYPERLINK(\"http://x.example\")") == #""'=HYPERLINK(""http://x.example"")""#)
        #expect(writer.encode(field: "+44 1632") == "'+44 1632")
        #expect(writer.encode(field: "-5") == "'-5")
        #expect(writer.encode(field: "@cmd") == "'@cmd")
        #expect(writer.encode(field: "\tx") == "'\tx")
        #expect(writer.encode(field: "=1,2") == #""'=1,2""#)
        #expect(writer.encode(field: "safe = text") == "safe = text")
        #expect(writer.encode(field: "") == "")
    }

    @Test func unusableSettingsAreRefused() {
        #expect(throws: TransformError.self) { try CSVWriter(delimiter: "\"") }
        #expect(throws: TransformError.self) { try CSVWriter(delimiter: "\n") }
        #expect(throws: TransformError.self) { try CSVWriter(delimiter: "\r\n") }
        #expect(throws: TransformError.self) { try CSVWriter(delimiter: "§") }
        #expect(throws: TransformError.self) { try CSVWriter(lineEnding: "\r") }
    }
}
