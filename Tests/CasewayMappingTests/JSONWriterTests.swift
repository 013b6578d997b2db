import Testing
import CasewayMapping

struct JSONWriterTests {
    private func number(_ text: String) -> JSONValue {
        .number(JSONNumber(text: text))
    }

    @Test func compactOutput_KeepsMemberOrder() {
        let value = JSONValue.object(JSONObject([
            "zeta": .array([number("1"), .string("two"), .null, .bool(true), .bool(false)]),
            "alpha": .object(JSONObject()),
            "mid": .array([]),
        ]))
        #expect(JSONWriter().string(value) == #"{"zeta":[1,"two",null,true,false],"alpha":{},"mid":[]}"#)
    }

    @Test func prettyOutput_IndentsByTwoSpaces() {
        let value = JSONValue.object(JSONObject([
            "id": .string("7f3c"),
            "deliveries": .array([.object(JSONObject(["connector": .string("highways")])), number("2")]),
            "empty": .object(JSONObject()),
            "none": .array([]),
        ]))
        let expected = """
            {
              "id": "7f3c",
              "deliveries": [
                {
                  "connector": "highways"
                },
                2
              ],
              "empty": {},
              "none": []
            }
            """
        #expect(JSONWriter(prettyPrinted: true).string(value) == expected)
        #expect(JSONWriter(prettyPrinted: true).string(.string("x")) == #""x""#)
    }

    @Test(arguments: [
        ("say \"hi\"", #""say \"hi\"""#),
        ("C:\\temp", #""C:\\temp""#),
        ("a/b", #""a/b""#),
        ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
        ("\u{08}\u{0C}", #""\b\f""#),
        ("\u{00}\u{01}\u{1F}", #""\u0000\u0001\u001f""#),
        ("\u{2028}and\u{2029}", #""\u2028and\u2029""#),
        ("Zoë — 😀 \u{7F}", "\"Zoë — 😀 \u{7F}\""),
        ("\u{2027}\u{202A}", "\"\u{2027}\u{202A}\""),
        ("", #""""#),
    ])
    func strings_AreEscapedAsJSONRequires(text: String, written: String) {
        #expect(JSONWriter().string(.string(text)) == written)
        #expect(JSONWriter().string(.object(JSONObject([JSONObject.Member(key: text, value: .null)]))) == "{\(written):null}")
    }

    /// Strings are scanned eight bytes at a time; a character that needs escaping must be found anywhere.
    @Test func escapes_AreFoundAtEveryPositionInAString() throws {
        for length in 1...24 {
            for position in 0..<length {
                for special in ["\"", "\\", "\n", "\u{2028}", "é"] {
                    var characters = Array(repeating: "a", count: length)
                    characters[position] = special
                    let text = characters.joined()
                    let written = JSONWriter().string(.string(text))
                    #expect(try JSONValue(parsing: written) == .string(text), "\(written)")
                    #expect(written.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x2028 })
                }
            }
        }
    }

    @Test(arguments: ["38201577", "1.10", "-0", "1e400", "12345678901234567890123", "0.5e-3"])
    func numbers_AreWrittenFromTheirText(text: String) throws {
        #expect(JSONWriter().string(.array([number(text)])) == "[\(text)]")
        #expect(try JSONValue(parsing: "[\(text)]").jsonText == "[\(text)]")
    }

    @Test func write_AppendsToTheBuffer() {
        var buffer = Array("prefix:".utf8)
        JSONWriter().write(.array([.bool(true)]), into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "prefix:[true]")
        #expect(JSONWriter().bytes(.null) == Array("null".utf8))
    }

    @Test func largeOutput_GrowsTheBuffer() throws {
        let value = JSONValue.array((0..<5_000).map { .string("element \($0) \u{2028}") })
        let written = JSONWriter(prettyPrinted: true).bytes(value)
        #expect(written.count > 100_000)
        #expect(try JSONValue(parsing: written) == value)
    }

    @Test func roundTrip_ParseWriteParse_GivesTheSameValue() throws {
        let text = #"{"a":[1,-2.50,1e400,"x\n\u00e9\ud83d\ude00\u2028",true,false,null,{}],"b":{"c":{"d":[[]]}},"e\"":"\\/"}"#
        let value = try JSONValue(parsing: text)
        for writer in [JSONWriter(), JSONWriter(prettyPrinted: true)] {
            #expect(try JSONValue(parsing: writer.bytes(value)) == value)
        }
        #expect(value.jsonText == #"{"a":[1,-2.50,1e400,"x\né😀\u2028",true,false,null,{}],"b":{"c":{"d":[[]]}},"e\"":"\\/"}"#)
    }

    @Test func json5Configuration_IsWrittenAsJSON() throws {
        let value = try JSONValue(parsing: "{name: 'highways', retry: [0x1E, .5, +3,], // comment\n}", dialect: .json5)
        #expect(value.jsonText == #"{"name":"highways","retry":[30,0.5,3]}"#)
    }
}
