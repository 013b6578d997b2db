import Testing
@testable import CasewayMapping

struct UKPostcodeTests {
    @Test(arguments: ["sw1a2aa", " SW1A  2AA ", "sw1a 2aa", "SW1A\u{00A0}2AA", "SW1A\u{2003}2AA", "\tSw1A 2aA\n"])
    func spellingsNormaliseToOneForm(_ text: String) throws {
        #expect(try UKPostcode.normalise(text) == "SW1A 2AA")
    }

    @Test(arguments: [
        ("m11ae", "M1 1AE"),  // A9 9AA
        ("B338TH", "B33 8TH"),  // A99 9AA
        ("cr26xh", "CR2 6XH"),  // AA9 9AA
        ("DN551PT", "DN55 1PT"),  // AA99 9AA
        ("w1a1hq", "W1A 1HQ"),  // A9A 9AA
        ("EC1A1BB", "EC1A 1BB"),  // AA9A 9AA
        ("gir0aa", "GIR 0AA"),
        ("KV12 4RX", "KV12 4RX"),  // the fixtures' invented area
        ("KV3 9LT", "KV3 9LT"),
    ])
    func everyFormatIsAccepted(_ text: String, _ expected: String) throws {
        #expect(try UKPostcode.normalise(text) == expected)
    }

    @Test func partsAreKept() throws {
        let postcode = try UKPostcode("ec1a1bb")
        #expect(postcode.outwardCode == "EC1A")
        #expect(postcode.inwardCode == "1BB")
        #expect(postcode.description == "EC1A 1BB")
    }

    @Test(arguments: [
        ("KV99", "too short"),
        ("", "too short"),
        ("SW1A 2AAA", "too long"),
        ("QA1 1AA", "cannot start with Q, V or X"),
        ("XY1 1AA", "cannot start with Q, V or X"),
        ("AJ1 1AA", "second letter cannot be I, J or Z"),
        ("W1I 1AA", "A9A the last letter"),
        ("EC1I 1AA", "AA9A the last letter"),
        ("SW1A 2CA", "last two letters cannot be C, I, K, M, O or V"),
        ("SW1A AAA", "a digit and two letters"),
        ("1W1A 2AA", "must look like"),
        ("SW1A-2AA", "only letters, digits and spaces"),
        ("SW1Ä 2AA", "only letters, digits and spaces"),
    ])
    func invalidPostcodesSayWhy(_ text: String, _ why: String) {
        let error = #expect(throws: TransformError.self) { try UKPostcode(text) }
        #expect(error?.kind == .invalidPostcode)
        #expect(error?.description.contains(why) == true, "\(error?.description ?? "no error")")
    }

    @Test func messageNamesTheText() {
        let error = #expect(throws: TransformError.self) { try UKPostcode("KV99") }
        #expect(error?.description == #""KV99" is not a UK postcode (too short: a postcode has 5 to 7 letters and digits)"#)
    }

    @Test func callersCanChooseEmptyInsteadOfAnError() {
        #expect((try? UKPostcode.normalise("not a postcode")) == nil)
    }
}
