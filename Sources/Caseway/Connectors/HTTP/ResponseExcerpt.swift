/// The first bytes of a partner's answer, made safe to put in one line of an error message.
///
/// Answers may echo personal data back, so no more than this excerpt is ever kept or logged.
public enum ResponseExcerpt {
    /// Bytes of the body an error message may quote.
    public static let maxBytes = 200

    /// Up to `maxBytes` of `body` as text, invalid UTF-8 replaced, control characters escaped
    /// (`\n`, `\u{1b}`) so one answer cannot forge log lines; "…" marks a cut.
    public static func make(_ body: [UInt8]) -> String {
        var cut = body.prefix(maxBytes)
        // Do not split a UTF-8 sequence: when the last character's lead byte promises more bytes than
        // made it into the cut, drop that character.
        if body.count > maxBytes, let lead = cut.lastIndex(where: { $0 & 0xC0 != 0x80 }), cut[lead] >= 0xC0 {
            let length = cut[lead] >= 0xF0 ? 4 : cut[lead] >= 0xE0 ? 3 : 2
            if cut.endIndex - lead < length { cut = cut[..<lead] }
        }
        var text = ""
        for scalar in String(decoding: cut, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
                || scalar.value == 0x2029:
                text += "\\u{\(String(scalar.value, radix: 16))}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return body.count > maxBytes ? text + "…" : text
    }
}
