import Testing
@testable import CasewayMapping

struct TextTransformsTests {
    @Test func trimRemovesUnicodeSpaceAtBothEnds() {
        #expect(TextTransforms.trim("  \t Flat 2\u{00A0}\r\n") == "Flat 2")
        #expect(TextTransforms.trim(" a  b ") == "a  b")
        #expect(TextTransforms.trim(" \n ") == "")
    }

    @Test func caseFollowsUnicodeNotTheLocale() {
        #expect(TextTransforms.uppercase("Siobhán O’Donnell") == "SIOBHÁN O’DONNELL")
        #expect(TextTransforms.uppercase("straße") == "STRASSE")
        #expect(TextTransforms.lowercase("CAFÉ İ") == "café i\u{307}")
        #expect(TextTransforms.lowercase("ÅSA") == "åsa")
    }

    @Test func truncateCountsWhatPeopleSeeAsLetters() {
        #expect(TextTransforms.truncate("Corner Café", toLength: 11) == "Corner Café")
        #expect(TextTransforms.truncate("Corner Cafe\u{301} open", toLength: 11) == "Corner Cafe\u{301}")
        #expect(TextTransforms.truncate("👩‍👩‍👧 family", toLength: 1) == "👩‍👩‍👧")
        #expect(TextTransforms.truncate("🇬🇧🇮🇪", toLength: 1) == "🇬🇧")
        #expect(TextTransforms.truncate("abc", toLength: 10) == "abc")
        #expect(TextTransforms.truncate("abc", toLength: -1) == "")
        // A CRLF is one Character in Swift, so it is never cut in half either.
        #expect(TextTransforms.truncate("a\r\nb", toLength: 2) == "a\r\n")
    }

    @Test func paddingMakesLegacyFixedWidthFields() {
        #expect(TextTransforms.padStart("42", toWidth: 6, with: "0") == "000042")
        #expect(TextTransforms.padEnd("KV3", toWidth: 6) == "KV3   ")
        #expect(TextTransforms.padEnd("Café", toWidth: 6, with: ".") == "Café..")
        #expect(TextTransforms.padStart("toolong", toWidth: 3) == "toolong")
        #expect(TextTransforms.fixedWidth("Peter Ashworth", width: 8) == "Peter As")
        #expect(TextTransforms.fixedWidth("Peter", width: 8) == "Peter   ")
    }

    @Test func splitKeepsEmptyPiecesUnlessAsked() {
        #expect(TextTransforms.split("a,,b", separator: ",") == ["a", "", "b"])
        #expect(TextTransforms.split("a,,b", separator: ",", omittingEmpty: true) == ["a", "b"])
        #expect(TextTransforms.split("Outside 41 Cobbler's Row, Kestrel Vale", separator: ", ") == ["Outside 41 Cobbler's Row", "Kestrel Vale"])
        #expect(TextTransforms.split("", separator: ",") == [""])
        #expect(TextTransforms.split("abc", separator: "") == ["abc"])
        // A separator never matches half of a letter.
        #expect(TextTransforms.split("e\u{301}e", separator: "e") == ["e\u{301}", ""])
    }

    @Test func joinPutsTheSeparatorBetween() {
        #expect(TextTransforms.join(["Outside 41 Cobbler's Row", "Kestrel Vale", "KV12 4RX"], separator: ", ")
            == "Outside 41 Cobbler's Row, Kestrel Vale, KV12 4RX")
        #expect(TextTransforms.join([String](), separator: ", ") == "")
    }
}
