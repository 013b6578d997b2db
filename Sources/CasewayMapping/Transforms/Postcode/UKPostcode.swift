/// A UK postcode in its one written form, `SW1A 2AA`: capitals, one space before the inward code.
///
/// The rule implemented is the shape check of the government's bulk-data postcode pattern (BS 7666), applied
/// after removing every space (any Unicode white space) and capitalising ASCII letters:
///
/// - outward code: `A9`, `A99`, `AA9`, `AA99`, `A9A` or `AA9A`; inward code: `9AA`; plus the special `GIR 0AA`;
/// - the first letter is not Q, V or X; a second letter (in `AA…`) is not I, J or Z;
/// - a letter third in `A9A` is one of A B C D E F G H J K P S T U W;
/// - a letter fourth in `AA9A` is one of A B E H M N P R V W X Y;
/// - the two inward letters are not C, I, K, M, O or V.
///
/// It does not say the postcode exists (that needs the Postcode Address File), and it rejects the overseas
/// territories' and BFPO forms (`ASCN 1ZZ`, `BFPO 1234`), which a council's back office does not take either.
public struct UKPostcode: Sendable, Hashable, CustomStringConvertible {
    /// The part before the space: area and district (`SW1A`).
    public let outwardCode: String
    /// The part after the space: sector and unit (`2AA`).
    public let inwardCode: String

    /// Parses and normalises a postcode: `sw1a2aa`, ` SW1A  2AA ` and `sw1a 2aa` all become `SW1A 2AA`.
    public init(_ text: some StringProtocol) throws(TransformError) {
        var letters: [UInt8] = []
        letters.reserveCapacity(8)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x61...0x7A:  // a–z
                letters.append(UInt8(truncatingIfNeeded: value) - 32)
            case 0x41...0x5A, 0x30...0x39:  // A–Z, 0–9
                letters.append(UInt8(truncatingIfNeeded: value))
            case 0x20, 0x09...0x0D:
                continue
            default:
                // Web forms paste no-break spaces and other Unicode spaces; they are as good as none.
                if value >= 0x80, scalar.properties.isWhitespace { continue }
                throw Self.failure(text, "it may hold only letters, digits and spaces")
            }
            if letters.count > 7 {
                throw Self.failure(text, "too long: a postcode has 5 to 7 letters and digits")
            }
        }
        guard letters.count >= 5 else {
            throw Self.failure(text, "too short: a postcode has 5 to 7 letters and digits")
        }
        let split = letters.count - 3
        if split == 3, letters.starts(with: Self.girobank) {
            self.outwardCode = "GIR"
            self.inwardCode = "0AA"
            return
        }
        if let problem = Self.inwardProblem(letters, from: split) ?? Self.outwardProblem(letters, count: split) {
            throw Self.failure(text, problem)
        }
        self.outwardCode = String(decoding: letters[..<split], as: UTF8.self)
        self.inwardCode = String(decoding: letters[split...], as: UTF8.self)
    }

    /// The postcode as written on an envelope: `SW1A 2AA`.
    public var description: String { outwardCode + " " + inwardCode }

    /// Normalises postcode text, or says why it is not a postcode.
    public static func normalise(_ text: some StringProtocol) throws(TransformError) -> String {
        try UKPostcode(text).description
    }

    // MARK: Rules

    private static func failure(_ text: some StringProtocol, _ problem: String) -> TransformError {
        TransformError(.invalidPostcode, text: text, reason: "is not a UK postcode (\(problem))")
    }

    /// `GIR 0AA`, Girobank's postcode, the one exception to the shapes.
    private static let girobank: [UInt8] = Array("GIR0AA".utf8)

    /// Outward-code shapes: `A` a letter, `9` a digit.
    private static let outwardShapes: [[UInt8]] = ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].map { Array($0.utf8) }

    private static func isLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func letter(_ byte: UInt8, isOneOf letters: StaticString) -> Bool {
        letters.withUTF8Buffer { $0.contains(byte) }
    }

    private static func inwardProblem(_ bytes: [UInt8], from start: Int) -> String? {
        guard isDigit(bytes[start]), isLetter(bytes[start + 1]), isLetter(bytes[start + 2]) else {
            return "the last three characters must be a digit and two letters, like 2AA"
        }
        if letter(bytes[start + 1], isOneOf: "CIKMOV") || letter(bytes[start + 2], isOneOf: "CIKMOV") {
            return "the last two letters cannot be C, I, K, M, O or V"
        }
        return nil
    }

    private static func outwardProblem(_ bytes: [UInt8], count: Int) -> String? {
        let matching = outwardShapes.first { shape in
            shape.count == count && zip(shape, bytes).allSatisfy { expected, byte in
                expected == UInt8(ascii: "9") ? isDigit(byte) : isLetter(byte)
            }
        }
        guard let shape = matching else {
            return "the part before the space must look like A9, A99, AA9, AA99, A9A or AA9A"
        }
        if letter(bytes[0], isOneOf: "QVX") {
            return "a postcode cannot start with Q, V or X"
        }
        if isLetter(shape[1]), letter(bytes[1], isOneOf: "IJZ") {
            return "the second letter cannot be I, J or Z"
        }
        if shape == outwardShapes[4], !letter(bytes[2], isOneOf: "ABCDEFGHJKPSTUW") {
            return "in the form A9A the last letter must be one of A B C D E F G H J K P S T U W"
        }
        if shape == outwardShapes[5], !letter(bytes[3], isOneOf: "ABEHMNPRVWXY") {
            return "in the form AA9A the last letter must be one of A B E H M N P R V W X Y"
        }
        return nil
    }
}
