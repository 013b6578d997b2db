/// A JSON number kept as the text it was written as, so that passing a value through a mapping never
/// changes `38201577` into `38201577.0` or rounds a 19-digit reference.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number in JSON syntax (JSON5 forms such as hex, a leading `+` or `.5` are normalised by the parser).
    public let text: String

    /// Creates a number from JSON number text. The caller guarantees `text` is valid JSON number syntax.
    public init(text: String) {
        self.text = text
    }

    public init(_ value: Int) {
        self.text = String(value)
    }

    /// Creates a number from a double; non-finite values have no JSON form and return nil.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e15 {
            self.text = String(Int64(value))
        } else {
            self.text = "\(value)"
        }
    }

    public var doubleValue: Double { Double(text) ?? .nan }

    /// The value as an integer when it is one exactly (`12`, `12.0`, `1.2e1`), otherwise nil.
    public var intValue: Int? {
        if let exact = Int(text) { return exact }
        let double = doubleValue
        guard double.isFinite, double == double.rounded(), abs(double) < 9.0e15 else { return nil }
        return Int(double)
    }

    /// True for JSON5's `Infinity`, `-Infinity` and `NaN`, which JSON cannot express. This is about how the
    /// number was written: `1e400` is JSON syntax, so false, although its `doubleValue` is infinite.
    public var isNonFinite: Bool {
        text == "Infinity" || text == "-Infinity" || text == "NaN"
    }

    public var description: String { text }
}
