/// The mapping fast path: one pass over strict JSON that checks it as `parseValue` does (depth, UTF-8,
/// control characters, escapes, numbers, literals, duplicate keys) and records a `JSONTape` instead of
/// building values.
///
/// Anything it does not handle the cheap way, and every fault, ends the scan with `JSONTape.declined`:
/// the caller then parses the document as a tree, which accepts what it accepts and words each error as
/// it always has. So the tape may refuse more than the tree parser, never less.
extension JSONScanner {
    /// One open container on the tape.
    private struct TapeFrame {
        var entry: Int
        var isObject: Bool
        var children: Int32 = 0
        /// Where this object's keys start in `tapeKeys`.
        var firstKey: Int
        /// One bit per key seen, chosen by its fingerprint: a key whose bit is clear is new without
        /// comparing it to every earlier key.
        var keyBits: UInt64 = 0
    }

    /// Objects with more members than this go to the tree parser, whose duplicate check hashes; the
    /// linear check here would grow with the square of the count.
    static let tapeMemberLimit = 64

    /// Scans the whole document (strict JSON only) onto `tape`.
    mutating func scanTape(into tape: inout JSONTape) throws(JSONParseError) {
        guard !isJSON5, count > 0, count < Int(Int32.max) else { throw JSONTape.declined }
        try rejectByteOrderMark()
        try skipWhitespace()
        var frames: [TapeFrame] = []
        frames.reserveCapacity(16)
        // For each key of the open objects: its fingerprint and its entry, to find duplicates.
        var tapeKeys: [(fingerprint: UInt64, entry: Int)] = []
        tapeKeys.reserveCapacity(64)
        nextValue: while true {
            guard index < count else { throw JSONTape.declined }
            let position = tape.entries.count
            switch byte(index) {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte(index) == UInt8(ascii: "{")
                guard frames.count < maxDepth else { throw JSONTape.declined }
                tape.entries.append(JSONTape.Entry(kind: isObject ? .object : .array, start: Int32(index), length: 0, next: 0))
                frames.append(TapeFrame(entry: position, isObject: isObject, firstKey: tapeKeys.count))
                index += 1
                try skipWhitespace()
                if index < count, byte(index) == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                    closeTapeFrame(&frames, keys: &tapeKeys, tape: &tape)
                } else {
                    if isObject { try scanTapeKey(&frames, keys: &tapeKeys, tape: &tape) }
                    continue nextValue
                }
            case UInt8(ascii: "\""):
                let open = index
                index += 1
                if try skipUnescapedContent(quote: UInt8(ascii: "\""), open: open) {
                    tape.entries.append(JSONTape.Entry(kind: .string, start: Int32(open + 1), length: Int32(index - open - 1), next: Int32(position + 1)))
                    index += 1
                } else {
                    index = open
                    let decoded = try readString()
                    tape.entries.append(
                        JSONTape.Entry(kind: .escapedString, start: Int32(open + 1), length: Int32(tape.decodedStrings.count), next: Int32(position + 1)))
                    tape.decodedStrings.append(decoded)
                }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                try skipJSONNumber()
                tape.entries.append(JSONTape.Entry(kind: .number, start: Int32(start), length: Int32(index - start), next: Int32(position + 1)))
            case UInt8(ascii: "t"):
                try skipTapeLiteral("true")
                tape.entries.append(JSONTape.Entry(kind: .trueValue, start: Int32(index), length: 0, next: Int32(position + 1)))
            case UInt8(ascii: "f"):
                try skipTapeLiteral("false")
                tape.entries.append(JSONTape.Entry(kind: .falseValue, start: Int32(index), length: 0, next: Int32(position + 1)))
            case UInt8(ascii: "n"):
                try skipTapeLiteral("null")
                tape.entries.append(JSONTape.Entry(kind: .null, start: Int32(index), length: 0, next: Int32(position + 1)))
            default:
                throw JSONTape.declined
            }

            // A value is complete: count it in its container, and close containers while the input does.
            while let top = frames.indices.last {
                if !frames[top].isObject { frames[top].children += 1 }
                try skipWhitespace()
                guard index < count else { throw JSONTape.declined }
                let next = byte(index)
                if next == (frames[top].isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                    closeTapeFrame(&frames, keys: &tapeKeys, tape: &tape)
                    continue
                }
                guard next == UInt8(ascii: ",") else { throw JSONTape.declined }
                index += 1
                try skipWhitespace()
                if frames[top].isObject { try scanTapeKey(&frames, keys: &tapeKeys, tape: &tape) }
                continue nextValue
            }
            try skipWhitespace()
            guard index == count else { throw JSONTape.declined }
            return
        }
    }

    /// Closes the innermost container: its child count, and where the entries after it start.
    private mutating func closeTapeFrame(_ frames: inout [TapeFrame], keys: inout [(fingerprint: UInt64, entry: Int)], tape: inout JSONTape) {
        let frame = frames.removeLast()
        tape.entries[frame.entry].length = frame.children
        tape.entries[frame.entry].next = Int32(tape.entries.count)
        // removeLast, not removeSubrange: the generic range removal cost more than the rest of closing.
        if frame.isObject, keys.count > frame.firstKey { keys.removeLast(keys.count - frame.firstKey) }
    }

    /// Records a member key of the innermost object and consumes the ':' after it. Keys with escapes,
    /// duplicates and very wide objects are left to the tree parser.
    private mutating func scanTapeKey(
        _ frames: inout [TapeFrame], keys: inout [(fingerprint: UInt64, entry: Int)], tape: inout JSONTape
    ) throws(JSONParseError) {
        let top = frames.count - 1
        guard index < count, byte(index) == UInt8(ascii: "\""), frames[top].children < Self.tapeMemberLimit else {
            throw JSONTape.declined
        }
        let open = index
        index += 1
        guard try skipUnescapedContent(quote: UInt8(ascii: "\""), open: open) else { throw JSONTape.declined }
        let content = UnsafeBufferPointer(start: bytes + open + 1, count: index - open - 1)
        index += 1
        let fingerprint = Self.fingerprint(of: content)
        let bit: UInt64 = 1 << ((fingerprint &* 0x9E37_79B9_7F4A_7C15) >> 58)
        if frames[top].keyBits & bit != 0 {
            for earlier in keys[frames[top].firstKey...] where earlier.fingerprint == fingerprint {
                if JSONTape.sameBytes(tape.content(of: tape.entries[earlier.entry]), content) { throw JSONTape.declined }
            }
        }
        frames[top].keyBits |= bit
        let position = tape.entries.count
        tape.entries.append(JSONTape.Entry(kind: .key, start: Int32(open + 1), length: Int32(content.count), next: Int32(position + 1)))
        keys.append((fingerprint, position))
        frames[top].children += 1
        try skipWhitespace()
        guard index < count, byte(index) == UInt8(ascii: ":") else { throw JSONTape.declined }
        index += 1
        try skipWhitespace()
    }

    /// Consumes `word` (`true`, `false`, `null`) when it stands alone at `index`.
    private mutating func skipTapeLiteral(_ word: StaticString) throws(JSONParseError) {
        let length = word.utf8CodeUnitCount
        guard index + length <= count,
            JSONTape.sameBytes(UnsafeBufferPointer(start: word.utf8Start, count: length), UnsafeBufferPointer(start: bytes + index, count: length)),
            index + length == count || !Self.isWordByte(bytes[index + length])
        else { throw JSONTape.declined }
        index += length
    }
}
