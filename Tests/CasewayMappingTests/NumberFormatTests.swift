import Testing
@testable import CasewayMapping

struct NumberFormatTests {
    @Test(arguments: [
        (2.675, "2.68"),  // printf gives 2.67: it rounds the binary value 2.67499999…
        (1.005, "1.01"),
        (2.5, "2.50"),
        (-2.675, "-2.68"),
        (0.0, "0.00"),
        (-0.001, "0.00"),  // no "-0.00"
        (1234567.891, "1234567.89"),
        (1e-7, "0.00"),
        (0.995, "1.00"),
        (99.999, "100.00"),
    ])
    func fixedDecimalsRoundHalfAwayFromZero(_ value: Double, _ expected: String) throws {
        #expect(try NumberFormat(fractionDigits: 2).format(value) == expected)
    }

    @Test(arguments: [(2.5, "3"), (-2.5, "-3"), (3.49, "3"), (0.5, "1"), (-0.4, "0"), (1e21, "1000000000000000000000")])
    func wholeNumberRounding(_ value: Double, _ expected: String) throws {
        #expect(try NumberFormat().format(value) == expected)
    }

    @Test func zeroPaddingCountsTheWholeField() throws {
        let pence = try NumberFormat(zeroPaddedWidth: 7)
        #expect(pence.format(1250) == "0001250")
        #expect(pence.format(-42) == "-000042")
        #expect(pence.format(123_456_789) == "123456789")
        #expect(try NumberFormat(fractionDigits: 2, zeroPaddedWidth: 8).format(12.5) == "00012.50")
        #expect(try NumberFormat(fractionDigits: 2, zeroPaddedWidth: 6).format(-0.5) == "-00.50")
        #expect(try NumberFormat(fractionDigits: 1, zeroPaddedWidth: 2).format(1234.25) == "1234.3")
    }

    @Test func groupingSeparatesThousands() throws {
        let grouped = try NumberFormat(fractionDigits: 2, groupingSeparator: ",")
        #expect(try grouped.format(1_234_567.891) == "1,234,567.89")
        #expect(try grouped.format(999.999) == "1,000.00")
        #expect(try grouped.format(-12.0) == "-12.00")
        #expect(try NumberFormat(groupingSeparator: " ").format(Int.min) == "-9 223 372 036 854 775 808")
        #expect(try grouped.format(0.05) == "0.05")
        #expect(try grouped.format(123.0) == "123.00")
        #expect(try NumberFormat(fractionDigits: 3, groupingSeparator: ",").format(numberText: "1234.5") == "1,234.500")
    }

    @Test func numberTextIsFormattedExactly() throws {
        let format = try NumberFormat(fractionDigits: 2)
        #expect(try format.format(numberText: "12345678901234567890.125") == "12345678901234567890.13")
        #expect(try format.format(numberText: "1.2e3") == "1200.00")
        #expect(try format.format(numberText: " 0042 ") == "42.00")
        #expect(try NumberFormat().format(numberText: "38201577") == "38201577")
        let error = #expect(throws: TransformError.self) { try format.format(numberText: "1e999999999") }
        #expect(error?.kind == .outOfRange)
    }

    @Test func nonFiniteDoublesAreRefused() throws {
        #expect(throws: TransformError.self) { try NumberFormat().format(Double.nan) }
        #expect(throws: TransformError.self) { try NumberFormat().format(-Double.infinity) }
    }

    @Test func badSettingsFailWhenTheMappingLoads() {
        let negative = #expect(throws: TransformError.self) { try NumberFormat(fractionDigits: -1) }
        #expect(negative?.description == "-1 is not a number of decimals (0 to 20)")
        #expect(throws: TransformError.self) { try NumberFormat(fractionDigits: 21) }
        #expect(throws: TransformError.self) { try NumberFormat(zeroPaddedWidth: 8, groupingSeparator: ",") }
        #expect(throws: TransformError.self) { try NumberFormat(groupingSeparator: "7") }
    }

    // MARK: Parsing

    @Test(arguments: [("8", 8.0), ("-12.5", -12.5), ("+3", 3.0), ("  0042  ", 42.0), ("1.5e3", 1500.0), ("2E-2", 0.02)])
    func parsesNumberText(_ text: String, _ expected: Double) throws {
        #expect(try NumberFormat.parseDouble(text) == expected)
    }

    @Test(arguments: ["about 8", "8 apples", "1,000", "£5", ".5", "5.", "", "   ", "NaN", "inf", "0x10", "1e", "--1", "1 2"])
    func refusesAnythingElseNamingTheText(_ text: String) {
        let error = #expect(throws: TransformError.self) { try NumberFormat.parseDouble(text) }
        #expect(error?.kind == .notANumber)
        #expect(error?.description == "\(TransformError.quoted(text)) is not a number")
    }

    @Test func theMessageReadsAsASentence() {
        let error = #expect(throws: TransformError.self) { try NumberFormat.parseDouble("about 8") }
        #expect(error?.description == #""about 8" is not a number"#)
    }

    @Test func hugeNumbersAreOutOfRange() {
        let error = #expect(throws: TransformError.self) { try NumberFormat.parseDouble("1e999") }
        #expect(error?.kind == .outOfRange)
    }

    @Test func integersAreWholeNumbersOnly() throws {
        #expect(try NumberFormat.parseInteger("0042") == 42)
        #expect(try NumberFormat.parseInteger("-7") == -7)
        let fraction = #expect(throws: TransformError.self) { try NumberFormat.parseInteger("42.0") }
        #expect(fraction?.description == #""42.0" is not a whole number"#)
        #expect(throws: TransformError.self) { try NumberFormat.parseInteger("4e1") }
        let huge = #expect(throws: TransformError.self) { try NumberFormat.parseInteger("99999999999999999999") }
        #expect(huge?.kind == .outOfRange)
        #expect(throws: TransformError.self) { try NumberFormat.parseInteger("twelve") }
    }
}
