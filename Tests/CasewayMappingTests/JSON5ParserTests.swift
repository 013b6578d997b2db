import Testing
import CasewayMapping

/// JSON5 (https://spec.json5.org), as integrators write configuration and mappings.
struct JSON5ParserTests {
    let parser = JSONParser(dialect: .json5)

    private func parse(_ text: String) throws -> JSONValue {
        try parser.parse(text).value
    }

    private func number(_ text: String) -> JSONValue {
        .number(JSONNumber(text: text))
    }

    @Test func comments_AreSkippedWherePunctuationMayBe() throws {
        let text = """
            // Southmoor highways connector
            /* owner: integration team */ {
              // the key
              name /* inline */ : 'highways', // trailing
              retries: /* three */ 3 /**/,
              list: [ /* empty */ ],
            } // end, without a final newline
            """
        #expect(try parse(text) == .object(JSONObject([
            "name": .string("highways"), "retries": number("3"), "list": .array([]),
        ])))
        #expect(try parse("1 // no newline at the end") == number("1"))
        #expect(try parse("/* a * b / c **/ 2") == number("2"))
    }

    @Test func unquotedKeys_AreIdentifiers() throws {
        let value = try parse("{ service_code: 1, $ref: 2, _x9: 3, größe: 4, \\u0061b: 5, a\\u0062c: 6, true: 7, null: 8, NaN: 9 }")
        #expect(value.objectValue?.keys == ["service_code", "$ref", "_x9", "größe", "ab", "abc", "true", "null", "NaN"])
    }

    @Test(arguments: [
        ("{ 1a: 1 }", "1:3: expected an object key (a name, or a string in quotes), found '1'"),
        ("{ a-b: 1 }", "1:4: expected ':' after object key \"a\", found '-'"),
        ("{ \\u0031: 1 }", "1:3: escape \\u0031 is not a letter allowed in a key name"),
        ("{ a b: 1 }", "1:5: expected ':' after object key \"a\", found 'b'"),
    ])
    func keysThatAreNotIdentifiers_AreRejected(text: String, expected: String) throws {
        #expect(try #require(parser.failure(text)).description == expected)
    }

    @Test func singleQuotedStrings_MayHoldDoubleQuotes() throws {
        #expect(try parse(#"'say "hi"'"#) == .string(#"say "hi""#))
        #expect(try parse(#"'it\'s'"#) == .string("it's"))
        #expect(try parse(#""it's""#) == .string("it's"))
        #expect(try parse(#"{'key': 'v'}"#) == .object(JSONObject(["key": .string("v")])))
    }

    @Test func trailingCommas_AreAllowedOnce() throws {
        #expect(try parse("[1, 2,]") == .array([number("1"), number("2")]))
        #expect(try parse("{a: 1,}") == .object(JSONObject(["a": number("1")])))
        #expect(try parse("[\n  1,\n  // last\n]") == .array([number("1")]))
        #expect(parser.failure("[1,,]")?.description == "1:4: expected a value, found ','")
        #expect(parser.failure("[,]")?.description == "1:2: expected a value, found ','")
        #expect(parser.failure("{,}")?.description == "1:2: expected an object key (a name, or a string in quotes), found ','")
    }

    @Test(arguments: [
        ("0x1F", "31"), ("0XfF", "255"), ("-0x10", "-16"), ("+0x10", "16"), ("0x0", "0"),
        ("0xFFFFFFFFFFFFFFFF", "18446744073709551615"),
        ("0x123456789ABCDEF0123", "5373003642731685151011"),
        (".5", "0.5"), ("-.5", "-0.5"), ("+.5e-3", "0.5e-3"), ("5.", "5"), ("5.e3", "5e3"), ("-5.", "-5"),
        ("+1", "1"), ("+0", "0"), ("-0", "-0"), ("1.10", "1.10"), ("38201577", "38201577"), ("1e400", "1e400"),
    ])
    func numbers_AreNormalisedToJSONNumberText(written: String, normalised: String) throws {
        #expect(try parse("[\(written)]") == .array([number(normalised)]))
    }

    @Test func infinityAndNaN_AreKeptAsTextForConfigurationToRefuse() throws {
        let value = try parse("{a: Infinity, b: -Infinity, c: +Infinity, d: NaN, e: -NaN, f: 1e400}")
        let numbers = try #require(value.objectValue?.members.map { $0.value.numberValue })
        #expect(numbers.map { $0?.text } == ["Infinity", "-Infinity", "Infinity", "NaN", "NaN", "1e400"])
        #expect(numbers.map { $0?.isNonFinite } == [true, true, true, true, true, false])
    }

    @Test(arguments: [
        ("[01]", "1:2: leading zeros are not allowed in numbers, found '01'"),
        ("[0x]", "1:4: expected a hex digit after '0x', found ']'"),
        ("[.]", "1:3: expected a digit after the decimal point, found ']'"),
        ("[+]", "1:3: expected a digit after '+', found ']'"),
        ("[-Inf]", "1:3: expected Infinity, found 'Inf'"),
        ("[Infinit]", "1:2: expected a value, found 'Infinit' (a string needs quotes)"),
        ("[1e]", "1:4: expected a digit in the exponent, found ']'"),
    ])
    func malformedNumbers_AreRejected(text: String, expected: String) throws {
        #expect(try #require(parser.failure(text)).description == expected)
    }

    @Test func backslashNewline_ContinuesAStringOnTheNextLine() throws {
        #expect(try parse("'Large pothole \\\nin the eastbound lane'") == .string("Large pothole in the eastbound lane"))
        #expect(try parse("'crlf \\\r\nand cr \\\rend'") == .string("crlf and cr end"))
        #expect(try parse("'separator \\\u{2028}end'") == .string("separator end"))
    }

    @Test func lineBreakInAString_WithoutABackslash_IsRejected() throws {
        let error = try #require(parser.failure("{a: 'one\ntwo'}"))
        #expect(error.description == #"1:9: line break in string; end the line with '\' to continue the string on the next line"#)
    }

    @Test func ecmaScriptEscapes_AreDecoded() throws {
        #expect(try parse(#"'\v\0\x41\x7e\a\/\u00e9\ud83d\ude00'"#) == .string("\u{0B}\u{00}A~a/é😀"))
        #expect(try parse("'tab\there \u{2028} ok'") == .string("tab\there \u{2028} ok"))
    }

    @Test(arguments: [
        (#"'\1'"#, #"1:2: invalid escape '\1' in string; JSON5 has no octal escapes"#),
        (#"'\01'"#, #"1:2: invalid escape '\0' followed by a digit in string; JSON5 has no octal escapes"#),
        (#"'\x4'"#, #"1:5: expected 2 hex digits after '\x', found '''"#),
        (#"'\ud800'"#, #"1:2: lone surrogate \uD800 in string: a high surrogate without a low surrogate escape after it"#),
    ])
    func invalidEscapes_AreRejected(text: String, expected: String) throws {
        #expect(try #require(parser.failure(text)).description == expected)
    }

    @Test func unicodeWhitespace_IsSkipped() throws {
        let text = "\u{FEFF}{\u{0B}a:\u{0C}1,\u{A0}b:\u{2028}2,\u{2029}c:\u{3000}3\u{2003}}"
        #expect(try parse(text).objectValue?.keys == ["a", "b", "c"])
    }

    @Test func duplicateKeys_AreRejectedHowEverTheyAreQuoted() throws {
        let error = try #require(parser.failure("{\n  name: 'a',\n  'name': 'b',\n}"))
        #expect(error.kind == .duplicateKey)
        #expect(error.description == #"3:3: duplicate key "name" (first written at 2:3)"#)
        #expect(parser.failure(#"{"a": 1, \u0061: 2}"#)?.kind == .duplicateKey)
    }

    @Test func unterminatedComment_IsAnUnexpectedEnd() throws {
        let error = try #require(parser.failure("{a: 1} /* still open"))
        #expect(error.kind == .unexpectedEnd)
        #expect(error.description == "1:21: malformed JSON5: unexpected end of input at byte 20 (the comment started at 1:8 is not closed)")
        #expect(parser.failure("[1] / x")?.description == "1:6: expected '/' or '*' after '/' to start a comment, found a space")
    }

    @Test func unquotedStringValues_AreRejected() throws {
        #expect(parser.failure("{a: highways}")?.description == "1:5: expected a value, found 'highways' (a string needs quotes)")
    }

    @Test func invalidUTF8InAComment_IsRejected() throws {
        var bytes = Array("// caf".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\n1".utf8)
        let error = try #require(parser.failure(bytes))
        #expect(error.kind == .invalidUTF8)
        #expect(error.message == "text is not valid UTF-8 at byte 6")
    }

    @Test func utf16ByteOrderMark_IsRejected() throws {
        #expect(parser.failure([0xFF, 0xFE, 0x7B, 0x00])?.message == "text is not valid UTF-8 at byte 0: it starts with a UTF-16LE byte order mark (FF FE)")
    }

    @Test func nestingLimit_AppliesToJSON5Too() throws {
        let deep = String(repeating: "[", count: 100_000)
        #expect(parser.failure(deep)?.message == "nesting too deep (limit 64)")
    }

    @Test func strictJSON_ParsesTheSameInBothDialects() throws {
        let text = #"{"a":[1,-2.5e3,"x\n\u00e9",true,false,null],"b":{"c":{}}}"#
        #expect(try parse(text) == JSONValue(parsing: text))
    }
}
