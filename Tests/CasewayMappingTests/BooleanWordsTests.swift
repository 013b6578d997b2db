import Testing
@testable import CasewayMapping

struct BooleanWordsTests {
    @Test func writesTheBackOfficeWords() throws {
        #expect(BooleanWords.yesNoLetters.format(true) == "Y")
        #expect(BooleanWords.yesNoLetters.format(false) == "N")
        let words = try BooleanWords(whenTrue: "Yes", whenFalse: "No")
        #expect(words.format(true) == "Yes")
    }

    @Test func readsTheWordsAndTrueFalseInAnyCase() throws {
        let words = BooleanWords.yesNoLetters
        #expect(try words.parse("Y") == true)
        #expect(try words.parse(" n ") == false)
        #expect(try words.parse("TRUE") == true)
        #expect(try words.parse("false") == false)
    }

    @Test func anythingElseIsAnErrorListingTheWords() {
        let error = #expect(throws: TransformError.self) { try BooleanWords.yesNoLetters.parse("maybe") }
        #expect(error?.kind == .invalidBoolean)
        #expect(error?.description == #""maybe" is not "Y", "N", "true" or "false""#)
    }

    @Test func theTwoWordsMustDiffer() {
        #expect(throws: TransformError.self) { try BooleanWords(whenTrue: "y", whenFalse: "Y") }
    }
}
