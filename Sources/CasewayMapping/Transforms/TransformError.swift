/// Why a transform could not turn one value into another, worded so that a mapping can put the field's path in
/// front of it: `location.postcode "KV99" is not a UK postcode (…)`.
public struct TransformError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for code that decides between failing the document and writing an empty value.
    public let kind: Kind
    /// The offending input as messages show it: quoted and escaped text (`"about 8"`) or a bare number (`10.0`).
    public let value: String
    /// The rest of the sentence after the value: `is not a number`.
    public let reason: String
    /// Which input of a transform with several was at fault (`latitude`, `longitude`), or nil when there is one.
    public let argument: String?

    /// An error whose value is already written as messages should show it.
    public init(_ kind: Kind, value: String, reason: String, argument: String? = nil) {
        self.kind = kind
        self.value = value
        self.reason = reason
        self.argument = argument
    }

    /// An error about a piece of text, which is quoted, escaped and shortened for the message.
    public init(_ kind: Kind, text: some StringProtocol, reason: String, argument: String? = nil) {
        self.init(kind, value: Self.quoted(text), reason: reason, argument: argument)
    }

    /// An error about a number, shown bare (`10.0 is outside Great Britain`).
    public init(_ kind: Kind, number: Double, reason: String, argument: String? = nil) {
        self.init(kind, value: "\(number)", reason: reason, argument: argument)
    }

    /// The whole sentence: `"abc" is not a number`.
    public var description: String { "\(value) \(reason)" }

    /// Longest text quoted in a message; a 5 MiB description must not become a 5 MiB log line.
    static let quotedTextLimit = 80

    /// Quotes `text` on one line: control characters escaped, quotes and backslashes escaped, long text cut.
    static func quoted(_ text: some StringProtocol) -> String {
        var result = "\""
        var count = 0
        for character in text {
            if count == quotedTextLimit {
                result += "…"
                break
            }
            count += 1
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\r\n": result += "\\r\\n"
            case "\t": result += "\\t"
            default:
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                    scalar.value < 0x20 || scalar.value == 0x7F
                {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.append(character)
                }
            }
        }
        return result + "\""
    }
}
