/// Writes a `JSONValue` as UTF-8 JSON text: compact by default, or pretty-printed with two-space indents.
///
/// Members are written in their order in the `JSONObject`, numbers exactly as their `JSONNumber.text`
/// (so `38201577` and `1.10` pass through unchanged), and strings escaped as RFC 8259 requires, plus
/// U+2028 and U+2029 so the output is also safe inside JavaScript. `/` is not escaped.
///
/// A number parsed from JSON5 as `Infinity`, `-Infinity` or `NaN` (`JSONNumber.isNonFinite`) is written
/// as that word, which is not JSON; configuration refuses such numbers before anything is written.
public struct JSONWriter: Sendable {
    /// Whether to break lines and indent nested values by two spaces.
    public var prettyPrinted: Bool

    /// A writer; compact unless `prettyPrinted`.
    public init(prettyPrinted: Bool = false) {
        self.prettyPrinted = prettyPrinted
    }

    /// Appends `value` to `output`.
    public func write(_ value: JSONValue, into output: inout [UInt8]) {
        let buffer = render(value)
        buffer.withBytes { output.append(contentsOf: $0) }
    }

    /// `value` as UTF-8 bytes.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        write(value, into: &output)
        return output
    }

    /// `value` as a string.
    public func string(_ value: JSONValue) -> String {
        let buffer = render(value)
        return buffer.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    private func render(_ value: JSONValue) -> Output {
        // Large enough for a typical request, so most documents need no regrowth.
        var buffer = Output(capacity: 2048)
        if prettyPrinted {
            Self.writePretty(value, indent: 0, into: &buffer)
        } else {
            Self.writeCompact(value, into: &buffer)
        }
        return buffer
    }

    private static func writeCompact(_ value: JSONValue, into output: inout Output) {
        switch value {
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            elements.withUnsafeBufferPointer { elements in
                for position in elements.indices {
                    if position > 0 { output.append(UInt8(ascii: ",")) }
                    writeCompact(elements[position], into: &output)
                }
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            // Through a buffer pointer the members are borrowed, not copied: no retain and release of each
            // key and value.
            object.members.withUnsafeBufferPointer { members in
                for position in members.indices {
                    if position > 0 { output.append(UInt8(ascii: ",")) }
                    writeString(members[position].key, into: &output)
                    output.append(UInt8(ascii: ":"))
                    writeCompact(members[position].value, into: &output)
                }
            }
            output.append(UInt8(ascii: "}"))
        default:
            writeScalar(value, into: &output)
        }
    }

    private static func writePretty(_ value: JSONValue, indent: Int, into output: inout Output) {
        switch value {
        case .array(let elements) where !elements.isEmpty:
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent: indent + 1, into: &output)
                writePretty(element, indent: indent + 1, into: &output)
            }
            newline(indent: indent, into: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let object) where !object.isEmpty:
            output.append(UInt8(ascii: "{"))
            for (position, member) in object.members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent: indent + 1, into: &output)
                writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"), UInt8(ascii: " "))
                writePretty(member.value, indent: indent + 1, into: &output)
            }
            newline(indent: indent, into: &output)
            output.append(UInt8(ascii: "}"))
        case .array:
            output.append(UInt8(ascii: "["), UInt8(ascii: "]"))
        case .object:
            output.append(UInt8(ascii: "{"), UInt8(ascii: "}"))
        default:
            writeScalar(value, into: &output)
        }
    }

    private static func newline(indent: Int, into output: inout Output) {
        output.append(UInt8(ascii: "\n"))
        output.appendSpaces(indent * 2)
    }

    /// Writes null, a boolean, a number or a string.
    private static func writeScalar(_ value: JSONValue, into output: inout Output) {
        switch value {
        case .null: output.append("null" as StaticString)
        case .bool(let flag): output.append(flag ? "true" : "false" as StaticString)
        case .number(let number): output.append(number.text)
        case .string(let text): writeString(text, into: &output)
        case .array, .object: writeCompact(value, into: &output)
        }
    }

    /// Writes `text` in double quotes, copying runs that need no escape in one go.
    static func writeString(_ text: String, into output: inout Output) {
        var text = text
        text.withUTF8 { utf8 in
            output.append(UInt8(ascii: "\""))
            guard let base = utf8.baseAddress else {
                output.append(UInt8(ascii: "\""))
                return
            }
            let count = utf8.count
            var run = 0
            var position = 0
            while position < count {
                // Eight bytes at a time to the first that is '"', '\', a control character or not ASCII
                // (see `JSONScanner.specialBytes`).
                var word: UInt64
                if position &+ 8 <= count {
                    word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                } else {
                    // The last few bytes, padded with spaces (which need no escape) to a whole word.
                    word = 0x2020_2020_2020_2020
                    withUnsafeMutableBytes(of: &word) { padded in
                        padded.baseAddress?.copyMemory(from: base + position, byteCount: count - position)
                    }
                }
                let special = JSONScanner.specialBytes(word, quoteWord: 0x2222_2222_2222_2222)
                if special == 0 {
                    position = min(position &+ 8, count)
                    continue
                }
                position &+= special.trailingZeroBitCount >> 3
                let byte = base[position]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                    // Not ASCII: only U+2028 and U+2029 (E2 80 A8/A9) need escaping.
                    guard byte == 0xE2, position &+ 2 < count, base[position &+ 1] == 0x80, base[position &+ 2] & 0xFE == 0xA8 else {
                        position &+= 1
                        continue
                    }
                    output.append(UnsafeBufferPointer(start: base + run, count: position - run))
                    output.append(base[position &+ 2] == 0xA8 ? "\\u2028" : "\\u2029" as StaticString)
                    position &+= 3
                    run = position
                    continue
                }
                output.append(UnsafeBufferPointer(start: base + run, count: position - run))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"), byte)
                case UInt8(ascii: "\n"): output.append(UInt8(ascii: "\\"), UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): output.append(UInt8(ascii: "\\"), UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): output.append(UInt8(ascii: "\\"), UInt8(ascii: "t"))
                case 0x08: output.append(UInt8(ascii: "\\"), UInt8(ascii: "b"))
                case 0x0C: output.append(UInt8(ascii: "\\"), UInt8(ascii: "f"))
                default:
                    // Other control characters have no short escape: \u00XX.
                    let digits: StaticString = "0123456789abcdef"
                    output.append("\\u00" as StaticString)
                    output.append(digits.utf8Start[Int(byte >> 4)], digits.utf8Start[Int(byte & 0x0F)])
                }
                position &+= 1
                run = position
            }
            output.append(UnsafeBufferPointer(start: base + run, count: count - run))
            output.append(UInt8(ascii: "\""))
        }
    }
}
