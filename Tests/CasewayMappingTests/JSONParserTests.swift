import Testing
import CasewayMapping

/// Strict JSON (RFC 8259), as request bodies are parsed.
struct JSONParserTests {
    let parser = JSONParser()

    @Test func everyKindOfValue_IsParsed() throws {
        let value = try JSONValue(parsing: #"{"s":"x","n":12,"t":true,"f":false,"z":null,"a":[1,"2",[]],"o":{}}"#)
        #expect(value["s"] == .string("x"))
        #expect(value["n"] == .number(JSONNumber(text: "12")))
        #expect(value["t"] == .bool(true))
        #expect(value["f"] == .bool(false))
        #expect(value["z"] == .null)
        #expect(value["a"] == .array([.number(JSONNumber(text: "1")), .string("2"), .array([])]))
        #expect(value["o"] == .object(JSONObject()))
    }

    @Test func members_KeepTheOrderTheyWereWrittenIn() throws {
        let value = try JSONValue(parsing: #"{"zeta":1,"alpha":2,"mid":3}"#)
        #expect(value.objectValue?.keys == ["zeta", "alpha", "mid"])
    }

    @Test func anyValue_MayBeTheTopLevel() throws {
        #expect(try JSONValue(parsing: " 42 ") == .number(JSONNumber(text: "42")))
        #expect(try JSONValue(parsing: #""text""#) == .string("text"))
        #expect(try JSONValue(parsing: "null") == .null)
        #expect(try JSONValue(parsing: "\r\n\t[ ]\n") == .array([]))
    }

    @Test(arguments: ["38201577", "1.10", "-0", "1e400", "0.5e-3", "1E+2", "12345678901234567890123", "-0.0"])
    func numbers_AreKeptExactlyAsWritten(text: String) throws {
        let value = try JSONValue(parsing: "[\(text)]")
        #expect(value.arrayValue?.first?.numberValue?.text == text)
    }

    @Test func escapes_AreDecoded() throws {
        let value = try JSONValue(parsing: #""q\" b\\ s\/ \b\f\n\r\t \u00e9 \u20AC \ud83d\ude00 \u0000""#)
        #expect(value == .string("q\" b\\ s/ \u{08}\u{0C}\n\r\t é € 😀 \u{00}"))
    }

    @Test func multiByteUTF8_IsKeptAsWritten() throws {
        let value = try JSONValue(parsing: #"{"name":"Zoë Hartley — 😀 ünïcödé","e\u0301":"é"}"#)
        #expect(value["name"] == .string("Zoë Hartley — 😀 ünïcödé"))
        #expect(value.objectValue?.members.last?.value == .string("é"))
    }

    /// Strings are scanned eight bytes at a time; a special character must be found in every position.
    @Test func specialCharacters_AreFoundAtEveryPositionInAString() throws {
        for length in 0...24 {
            for position in 0..<max(length, 1) {
                var plain = Array(repeating: "a", count: length)
                if length > 0 { plain[position] = "\\n" }
                let written = plain.joined()
                let value = try JSONValue(parsing: "[\"\(written)\",\"é\(written)\"]")
                let expected = written.replacingEscapes()
                #expect(value == .array([.string(expected), .string("é" + expected)]), "length \(length), escape at \(position)")
            }
        }
    }

    @Test func bytesBufferPointerAndString_ParseAlike() throws {
        let text = #"{"a":[1,"b",{"c":null}]}"#
        let bytes = Array(text.utf8)
        let fromString = try parser.parse(text).value
        let fromBytes = try parser.parse(bytes).value
        let fromBuffer = try bytes.withUnsafeBytes { buffer in try parser.parse(buffer).value }
        #expect(fromString == fromBytes)
        #expect(fromBytes == fromBuffer)
    }

    @Test func duplicateKey_IsRejectedWithItsLocation() throws {
        let error = try #require(parser.failure("{\n  \"service_code\": \"HW_POT\",\n  \"service_code\": \"WS_FLY\"\n}"))
        #expect(error.kind == .duplicateKey)
        #expect(error.message == #"duplicate key "service_code" (first written at 2:3)"#)
        #expect(error.location == SourceLocation(line: 3, column: 3, offset: 32))
        #expect(error.description == #"3:3: duplicate key "service_code" (first written at 2:3)"#)
    }

    @Test func duplicateKey_InANestedObject_IsRejected() throws {
        let error = try #require(parser.failure(#"{"a":{"x":1,"b":{"y":2},"x":3}}"#))
        #expect(error.message == #"duplicate key "x" (first written at 1:7)"#)
        #expect(error.location.offset == 24)
    }

    @Test func sameKey_InSeparateObjects_IsAccepted() throws {
        let value = try JSONValue(parsing: #"{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}],"c":{"a":1,"b":2}}"#)
        #expect(value["b"]?.arrayValue?.count == 2)
        #expect(value["c"]?["b"] == .number(JSONNumber(text: "2")))
    }

    @Test func duplicateKey_InALargeObject_IsRejected() throws {
        let members = (0..<2_000).map { "\"key\($0)\":\($0)" }.joined(separator: ",")
        let error = try #require(parser.failure("{\(members),\"key1500\":0}"))
        #expect(error.kind == .duplicateKey)
        let firstOffset = "{".utf8.count + (0..<1_500).map { "\"key\($0)\":\($0),".utf8.count }.reduce(0, +)
        #expect(error.message == "duplicate key \"key1500\" (first written at 1:\(firstOffset + 1))")
    }

    @Test func keysThatOnlyLookAlike_AreDistinct() throws {
        // RFC 8259 compares names by code point: "é" precomposed and "e" + combining acute differ.
        let value = try JSONValue(parsing: "{\"\u{E9}\":1,\"e\u{301}\":2,\"E\":3,\"e\":4}")
        #expect(value.objectValue?.count == 4)
    }

    @Test func nesting_UpToTheLimit_IsAccepted_AndOneDeeperIsRejected() throws {
        let sixtyFour = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        _ = try parser.parse(sixtyFour)
        let error = try #require(parser.failure("[" + sixtyFour + "]"))
        #expect(error.kind == .nestingTooDeep)
        #expect(error.message == "nesting too deep (limit 64)")
        #expect(error.location.offset == 64)
    }

    @Test func nestingLimit_CanBeSet() throws {
        let shallow = JSONParser(maxDepth: 2)
        _ = try shallow.parse(#"{"a":[1]}"#)
        let error = try #require(shallow.failure(#"{"a":[{}]}"#))
        #expect(error.message == "nesting too deep (limit 2)")
        #expect(error.location == SourceLocation(line: 1, column: 7, offset: 6))
    }

    @Test func hundredThousandLevels_AreRejectedWithoutCrashing() throws {
        let levels = 100_000
        let prefix = #"{"service_code":"HW_POT","attributes":"#
        let body = prefix + String(repeating: #"{"a":"#, count: levels) + "1" + String(repeating: "}", count: levels) + "}"
        let error = try #require(parser.failure(body))
        #expect(error.kind == .nestingTooDeep)
        #expect(error.message == "nesting too deep (limit 64)")
        // The top-level object is level 1, so the 64th object under "attributes" is the 65th level.
        #expect(error.location.offset == prefix.utf8.count + 63 * 5)

        let arrays = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
        #expect(parser.failure(arrays)?.kind == .nestingTooDeep)
    }

    @Test(arguments: [
        (#"{"a":1} x"#, "1:9: expected end of input after the top-level value, found 'x'"),
        (#"{"a":1}{}"#, "1:8: expected end of input after the top-level value, found '{'"),
        ("[1] [2]", "1:5: expected end of input after the top-level value, found '['"),
        ("1 2", "1:3: expected end of input after the top-level value, found '2'"),
    ])
    func trailingGarbage_IsRejected(text: String, expected: String) throws {
        #expect(try #require(parser.failure(text)).description == expected)
    }

    @Test(arguments: [
        ("01", "1:1: leading zeros are not allowed in numbers, found '01'"),
        ("-012", "1:2: leading zeros are not allowed in numbers, found '-01'"),
        ("[-]", "1:3: expected a digit after '-', found ']'"),
        ("[1.]", "1:4: expected a digit after the decimal point, found ']'"),
        ("[1.e5]", "1:4: expected a digit after the decimal point, found 'e'"),
        ("[1e]", "1:4: expected a digit in the exponent, found ']'"),
        ("[1e+]", "1:5: expected a digit in the exponent, found ']'"),
        ("[.5]", "1:2: expected a value, found '.'"),
        ("[+1]", "1:2: expected a value, found '+'"),
        ("[0x10]", "1:3: expected ',' or ']' after element [0] of the array started at 1:1, found 'x'"),
        ("[-Infinity]", "1:3: expected a digit after '-', found 'I'"),
        ("[NaN]", "1:2: expected a value, found 'NaN'"),
        ("[1.5.3]", "1:5: expected ',' or ']' after element [0] of the array started at 1:1, found '.'"),
    ])
    func malformedNumbers_AreRejected(text: String, expected: String) throws {
        #expect(try #require(parser.failure(text)).description == expected)
    }

    @Test(arguments: [
        ("tru ", "1:1: expected a value, found 'tru'"),
        ("True", "1:1: expected a value, found 'True' (JSON literals are true, false and null, in lower case)"),
        ("[nul]", "1:2: expected a value, found 'nul'"),
        ("[undefined]", "1:2: expected a value, found 'undefined'"),
        ("{\"a\":tru", "1:9: malformed JSON: unexpected end of input at byte 8 (expected a value, found tru)"),
    ])
    func misspelledLiterals_AreRejected(text: String, expected: String) throws {
        #expect(try #require(parser.failure(text)).description == expected)
    }

    @Test func controlCharacterInAString_IsRejected() throws {
        let error = try #require(parser.failure("{\"note\": \"two\nlines\"}"))
        #expect(error.kind == .syntax)
        #expect(error.message == #"control character U+000A in string must be escaped as \n"#)
        #expect(error.location == SourceLocation(line: 1, column: 14, offset: 13))
        #expect(parser.failure("\"tab\there\"")?.message == #"control character U+0009 in string must be escaped as \t"#)
        #expect(parser.failure("\"\u{1F}\"")?.message == #"control character U+001F in string must be escaped as \u001F"#)
    }

    @Test(arguments: [
        (#""\ud800""#, #"1:2: lone surrogate \uD800 in string: a high surrogate without a low surrogate escape after it"#),
        (#""ab\udc00""#, #"1:4: lone surrogate \uDC00 in string: a low surrogate without a high surrogate before it"#),
        (#""\ud83d\u0041""#, #"1:2: lone surrogate \uD83D in string: a high surrogate without a low surrogate escape after it"#),
        (#""\ud83d x""#, #"1:2: lone surrogate \uD83D in string: a high surrogate without a low surrogate escape after it"#),
    ])
    func loneSurrogates_AreRejected(text: String, expected: String) throws {
        #expect(try #require(parser.failure(text)).description == expected)
    }

    @Test(arguments: [
        (#""\x41""#, #"1:2: invalid escape '\x' in string; JSON allows \" \\ \/ \b \f \n \r \t and \uXXXX"#),
        (#""\'""#, #"1:2: invalid escape '\'' in string; JSON allows \" \\ \/ \b \f \n \r \t and \uXXXX"#),
        (#""\u12""#, #"1:6: expected 4 hex digits after '\u', found '"'"#),
        (#""\u12G4""#, #"1:6: expected 4 hex digits after '\u', found 'G'"#),
    ])
    func invalidEscapes_AreRejected(text: String, expected: String) throws {
        #expect(try #require(parser.failure(text)).description == expected)
    }

    @Test(arguments: [
        ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0x62, 0xC3, 0x28, 0x22, 0x7D], 7),  // C3 needs a continuation byte
        ([0x22, 0xC0, 0xAF, 0x22], 1),  // overlong '/'
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),  // an encoded surrogate
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),  // past U+10FFFF
        ([0x22, 0x61, 0x80, 0x22], 2),  // a stray continuation byte
        ([0x22, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0xFF, 0x22], 10),  // after a plain word
        ([0x5B, 0x31, 0x2C, 0xE2, 0x82], 3),  // cut inside a character
        ([0x7B, 0xFF, 0x7D], 1),  // outside any string
    ] as [([UInt8], Int)])
    func invalidUTF8_IsRejectedWithItsByteOffset(bytes: [UInt8], offset: Int) throws {
        let error = try #require(parser.failure(bytes))
        #expect(error.kind == .invalidUTF8)
        #expect(error.message == "body is not valid UTF-8 at byte \(offset)")
        #expect(error.location.offset == offset)
    }

    @Test(arguments: [
        ([0xEF, 0xBB, 0xBF, 0x7B, 0x7D], JSONParseError.Kind.byteOrderMark,
         "body starts with a UTF-8 byte order mark (EF BB BF), which JSON does not allow; send the text without it"),
        ([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], .invalidUTF8,
         "body is not valid UTF-8 at byte 0: it starts with a UTF-16LE byte order mark (FF FE)"),
        ([0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D], .invalidUTF8,
         "body is not valid UTF-8 at byte 0: it starts with a UTF-16BE byte order mark (FE FF)"),
        ([0xFF, 0xFE, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x00], .invalidUTF8,
         "body is not valid UTF-8 at byte 0: it starts with a UTF-32LE byte order mark (FF FE 00 00)"),
        ([0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x7B], .invalidUTF8,
         "body is not valid UTF-8 at byte 0: it starts with a UTF-32BE byte order mark (00 00 FE FF)"),
    ] as [([UInt8], JSONParseError.Kind, String)])
    func byteOrderMarks_AreRejectedNamingTheEncoding(bytes: [UInt8], kind: JSONParseError.Kind, message: String) throws {
        let error = try #require(parser.failure(bytes))
        #expect(error.kind == kind)
        #expect(error.message == message)
        #expect(error.location == SourceLocation(line: 1, column: 1, offset: 0))
    }

    @Test(arguments: [
        ("", "1:1: malformed JSON: unexpected end of input at byte 0 (expected a value, found nothing)"),
        ("  \n", "2:1: malformed JSON: unexpected end of input at byte 3 (expected a value)"),
        (#"{"a": [1, 2"#, "1:12: malformed JSON: unexpected end of input at byte 11 (expected ',' or ']' after element [1] of the array started at 1:7)"),
        (#"{"a""#, #"1:5: malformed JSON: unexpected end of input at byte 4 (expected ':' after object key "a")"#),
        (#"{"a":"#, "1:6: malformed JSON: unexpected end of input at byte 5 (expected a value in the object started at 1:1)"),
        (#"{"a":1,"#, "1:8: malformed JSON: unexpected end of input at byte 7 (expected an object key after ',')"),
        (#"["abc"#, "1:6: malformed JSON: unexpected end of input at byte 5 (the string started at 1:2 is not closed)"),
        (#"["abc\"#, "1:7: malformed JSON: unexpected end of input at byte 6 (the string started at 1:2 is not closed)"),
        (#"[-"#, "1:3: malformed JSON: unexpected end of input at byte 2 (expected a digit after '-')"),
    ])
    func truncatedInput_IsReportedAsAnUnexpectedEnd(text: String, expected: String) throws {
        let error = try #require(parser.failure(text))
        #expect(error.kind == .unexpectedEnd)
        #expect(error.description == expected)
    }

    @Test(arguments: [
        (#"{"a":1,}"#, "1:8: expected an object key after ',', found '}' (JSON does not allow a trailing comma)"),
        ("[1,]", "1:4: expected a value after ',', found ']' (JSON does not allow a trailing comma)"),
        ("// note\n{}", "1:1: expected a value, found '/'"),
        ("{} /* note */", "1:4: expected end of input after the top-level value, found '/'"),
        ("{a:1}", "1:2: expected a string key in double quotes or '}', found 'a'"),
        ("{'a':1}", "1:2: expected a string key in double quotes or '}', found '''"),
        (#"["a",'b']"#, "1:6: expected a value, found '''"),
        ("[1,,2]", "1:4: expected a value, found ','"),
        ("\u{A0}[]", "1:1: expected a value, found '\u{A0}' (U+00A0)"),
    ])
    func json5Features_AreRejectedInStrictJSON(text: String, expected: String) throws {
        #expect(try #require(parser.failure(text)).description == expected)
    }

    @Test func errors_NameWhatWasExpectedAndWhatWasFound() throws {
        let error = try #require(parser.failure("{\n  \"recipient\": \"southmoor-cc\",\n  \"name\" \"x\"\n}"))
        #expect(error.kind == .syntax)
        #expect(error.description == #"3:10: expected ':' after object key "name", found '"'"#)
        #expect(error.location.offset == 42)
    }

    @Test func missingComma_NamesTheMemberBeforeIt() throws {
        let error = try #require(parser.failure("{\"a\": 1\n \"b\": 2}"))
        #expect(error.description == #"2:2: expected ',' or '}' after the value of "a" in the object started at 1:1, found '"'"#)
    }

    @Test func columns_CountUnicodeScalarsNotBytes() throws {
        let error = try #require(parser.failure("{\"é😀—\": x}"))
        #expect(error.location == SourceLocation(line: 1, column: 9, offset: 14))
        #expect(error.message == "expected a value, found 'x'")
    }

    @Test func lineBreaks_CRLFCountsAsOneLine() throws {
        let error = try #require(parser.failure("{\r\n\"a\": 1,\r\n\r\"b\" 2}"))
        #expect(error.location.line == 4)
        #expect(error.location.column == 5)
    }
}

extension String {
    /// The text with `\n` escapes turned into line feeds (for building expected values).
    fileprivate func replacingEscapes() -> String {
        split(separator: "\\n", omittingEmptySubsequences: false).joined(separator: "\n")
    }
}
