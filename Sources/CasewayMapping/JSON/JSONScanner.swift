/// The engine behind `JSONParser`: one forward pass over UTF-8 bytes.
///
/// Open arrays and objects live on an explicit stack (`frames`) instead of the native call stack, so a
/// body nested 100,000 levels deep costs one depth check, never a stack overflow. Line and column are
/// not tracked while scanning; they are computed from byte offsets only when a location is needed
/// (an error, or `recordLocations`), which keeps the intake hot path free of bookkeeping.
struct JSONScanner {
    /// One open array or object. Its children wait on the shared `values` or `members` stack from
    /// `firstChild` on, and move into an array of exactly the right size when it closes.
    struct Frame {
        var isObject: Bool
        /// Byte offset of the opening bracket, for "not closed" errors.
        var start: Int
        /// Index of the first child in `values` (arrays) or `members` (objects).
        var firstChild: Int
        /// Index of an object's first key in `keys`. Not `firstChild`: each enclosing object whose member
        /// value is being parsed has one more key than members.
        var firstKey: Int
        /// The key whose value is being parsed.
        var pendingKey = ""
        /// Built once an object grows past `linearKeyLimit` members, so duplicate checks stay linear overall.
        var keySet: Set<ExactKey>?
    }

    /// A key compared by its exact Unicode scalars (RFC 8259 names), not by canonical equivalence.
    struct ExactKey: Hashable {
        let text: String

        static func == (lhs: ExactKey, rhs: ExactKey) -> Bool {
            lhs.text.utf8.elementsEqual(rhs.text.utf8)
        }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// Up to this many members, duplicates are found by scanning fingerprints, which beats hashing.
    static let linearKeyLimit = 24

    let bytes: UnsafePointer<UInt8>
    let count: Int
    let isJSON5: Bool
    let maxDepth: Int
    let recordLocations: Bool

    var index = 0
    var frames: [Frame] = []
    /// Elements of the open arrays.
    var values: ChildStack<JSONValue>
    /// Members of the open objects.
    var members: ChildStack<JSONObject.Member>
    /// For each key of the open objects (one ahead of `members` while a value is parsed): a cheap
    /// summary to find duplicates without comparing strings, and where it was written.
    var keys: [KeyMark] = []
    /// The fingerprint of the last string read, when it was read as a key.
    var lastFingerprint: UInt64 = 0

    /// What `keys` holds for one key.
    struct KeyMark {
        var fingerprint: UInt64
        var offset: Int
    }

    /// Reused buffer for strings with escapes.
    var scratch: [UInt8] = []

    /// The path of the value being parsed; maintained only when recording locations.
    var path: [ValuePath.Component] = []
    var valueLocations: [ValuePath: SourceLocation] = [:]
    var keyLocations: [ValuePath: SourceLocation] = [:]
    /// The last computed location; locations are asked for in increasing order, so each is found by
    /// scanning on from the previous one rather than from the start of the text.
    var cursor = SourceLocation(line: 1, column: 1, offset: 0)

    /// `buildsValues` false: a scanner for `scanTape`, which needs no room for children.
    init(bytes: UnsafePointer<UInt8>, count: Int, isJSON5: Bool, maxDepth: Int, recordLocations: Bool, buildsValues: Bool = true) {
        self.bytes = bytes
        self.count = count
        self.isJSON5 = isJSON5
        self.maxDepth = maxDepth
        self.recordLocations = recordLocations
        let capacity = buildsValues ? 32 : 0
        values = ChildStack(filler: .null, capacity: capacity)
        members = ChildStack(filler: JSONObject.Member(key: "", value: .null), capacity: capacity)
    }

    @inline(__always)
    func byte(_ offset: Int) -> UInt8 {
        bytes[offset]
    }

    /// Parses the whole text as one value with nothing but whitespace (and, in JSON5, comments) around it.
    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        try rejectByteOrderMark()
        try skipWhitespace()
        let value = try parseValue()
        try skipWhitespace()
        guard index == count else {
            throw unexpected("end of input after the top-level value")
        }
        return value
    }

    /// Parses one value at `index` (whitespace already skipped), with nested containers on `frames`.
    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        // One allocation each for the life of the parse instead of a regrowth per container.
        frames.reserveCapacity(16)
        keys.reserveCapacity(32)
        nextValue: while true {
            if recordLocations {
                valueLocations[ValuePath(path)] = location(at: index)
            }
            guard index < count else {
                throw unexpected(frames.isEmpty ? "a value" : "a value in the \(frames[frames.count - 1].isObject ? "object" : "array") started at \(location(at: frames[frames.count - 1].start))")
            }
            var value: JSONValue
            switch byte(index) {
            case UInt8(ascii: "{"):
                try open(isObject: true)
                if index < count, byte(index) == UInt8(ascii: "}") {
                    index += 1
                    value = close()
                } else {
                    try readMemberKey(afterComma: false)
                    continue nextValue
                }
            case UInt8(ascii: "["):
                try open(isObject: false)
                if index < count, byte(index) == UInt8(ascii: "]") {
                    index += 1
                    value = close()
                } else {
                    if recordLocations { path.append(.index(0)) }
                    continue nextValue
                }
            case UInt8(ascii: "\""):
                value = .string(try readString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try readNumber())
            case UInt8(ascii: "'"), UInt8(ascii: "+"), UInt8(ascii: "."):
                guard isJSON5 else { throw unexpected("a value") }
                value = byte(index) == UInt8(ascii: "'") ? .string(try readString()) : .number(try readNumber())
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                value = try readLiteral()
            case UInt8(ascii: "]") where !isJSON5 && frames.last?.isObject == false:
                // An empty array was handled at '[', so this ']' follows a comma.
                throw failure(.syntax, "expected a value after ',', found ']' (JSON does not allow a trailing comma)", at: index)
            default:
                throw unexpected("a value")
            }

            // A value is complete: hand it to its container, and keep closing containers while the
            // input closes them.
            while true {
                guard !frames.isEmpty else { return value }
                let top = frames.count - 1
                if recordLocations { path.removeLast() }
                if frames[top].isObject {
                    members.push(JSONObject.Member(key: frames[top].pendingKey, value: value))
                } else {
                    values.push(value)
                }
                try skipWhitespace()
                let closing = frames[top].isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard index < count else { throw unexpected(afterElementOf: top) }
                let next = byte(index)
                if next == closing {
                    index += 1
                    value = close()
                    continue
                }
                guard next == UInt8(ascii: ",") else { throw unexpected(afterElementOf: top) }
                index += 1
                try skipWhitespace()
                if isJSON5, index < count, byte(index) == closing {
                    // JSON5 allows one trailing comma.
                    index += 1
                    value = close()
                    continue
                }
                if frames[top].isObject {
                    try readMemberKey(afterComma: true)
                } else if recordLocations {
                    path.append(.index(values.count - frames[top].firstChild))
                }
                continue nextValue
            }
        }
    }

    /// Opens a container at `index` and skips the whitespace after its bracket.
    private mutating func open(isObject: Bool) throws(JSONParseError) {
        guard frames.count < maxDepth else {
            throw failure(.nestingTooDeep, "nesting too deep (limit \(maxDepth))", at: index)
        }
        frames.append(Frame(isObject: isObject, start: index, firstChild: isObject ? members.count : values.count, firstKey: keys.count))
        index += 1
        try skipWhitespace()
    }

    /// Closes the innermost container and returns it as a value.
    private mutating func close() -> JSONValue {
        let frame = frames.removeLast()
        guard frame.isObject else { return .array(values.take(from: frame.firstChild)) }
        keys.removeSubrange(frame.firstKey...)
        return .object(JSONObject(members.take(from: frame.firstChild)))
    }

    /// Reads an object key, checks it is not a duplicate, and consumes the ':' after it.
    private mutating func readMemberKey(afterComma: Bool) throws(JSONParseError) {
        let keyStart = index
        guard index < count else { throw unexpected(afterComma ? "an object key after ','" : "an object key or '}'") }
        let key: String
        switch byte(index) {
        case UInt8(ascii: "\""):
            key = try readString(isKey: true)
        case UInt8(ascii: "'") where isJSON5:
            key = try readString(isKey: true)
        case UInt8(ascii: "}") where afterComma:
            throw failure(.syntax, "expected an object key after ',', found '}' (JSON does not allow a trailing comma)", at: index)
        default:
            if isJSON5, let identifier = try readIdentifierKey() {
                key = identifier
                var name = identifier
                lastFingerprint = name.withUTF8 { Self.fingerprint(of: $0) }
            } else if isJSON5 {
                throw unexpected("an object key (a name, or a string in quotes)")
            } else {
                throw unexpected(afterComma ? "a string key in double quotes after ','" : "a string key in double quotes or '}'")
            }
        }
        try rememberKey(key, at: keyStart)
        if recordLocations {
            path.append(.key(key))
            keyLocations[ValuePath(path)] = location(at: keyStart)
        }
        try skipWhitespace()
        guard index < count, byte(index) == UInt8(ascii: ":") else {
            throw unexpected("':' after object key \(quoted(key))")
        }
        index += 1
        try skipWhitespace()
        frames[frames.count - 1].pendingKey = key
    }

    /// Records `key` for the innermost object, or throws if the object already has it.
    private mutating func rememberKey(_ key: String, at offset: Int) throws(JSONParseError) {
        let top = frames.count - 1
        let fingerprint = lastFingerprint
        let firstKey = frames[top].firstKey
        // keys[firstKey + n] is the key of members[firstMember + n].
        let firstMember = frames[top].firstChild
        if frames[top].keySet == nil {
            var position = firstKey
            while position < keys.count {
                if keys[position].fingerprint == fingerprint,
                    members[firstMember + position - firstKey].key.utf8.elementsEqual(key.utf8)
                {
                    throw duplicate(key, at: offset, firstAt: keys[position].offset)
                }
                position += 1
            }
            if keys.count - firstKey >= Self.linearKeyLimit {
                frames[top].keySet = Set((firstMember..<members.count).map { ExactKey(text: members[$0].key) })
            }
        }
        if frames[top].keySet != nil {
            guard frames[top].keySet?.insert(ExactKey(text: key)).inserted == true else {
                var position = firstMember
                while position < members.count, !members[position].key.utf8.elementsEqual(key.utf8) { position += 1 }
                let firstOffset = position < members.count ? keys[firstKey + position - firstMember].offset : offset
                throw duplicate(key, at: offset, firstAt: firstOffset)
            }
        }
        keys.append(KeyMark(fingerprint: fingerprint, offset: offset))
    }

    private mutating func duplicate(_ key: String, at offset: Int, firstAt firstOffset: Int) -> JSONParseError {
        let first = location(at: firstOffset)
        return failure(.duplicateKey, "duplicate key \(quoted(key)) (first written at \(first))", at: offset)
    }

    /// Length and first and last two bytes of a key's UTF-8: enough to tell almost all keys of one object
    /// apart without comparing strings.
    @inline(__always)
    static func fingerprint(of utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let length = utf8.count
        guard length > 0, let base = utf8.baseAddress else { return 0 }
        return UInt64(truncatingIfNeeded: length) << 32 | UInt64(base[0]) << 24 | UInt64(base[min(1, length - 1)]) << 16
            | UInt64(base[max(0, length - 2)]) << 8 | UInt64(base[length - 1])
    }

    /// The error for a missing ',' or closing bracket after an element of `frames[top]`.
    private mutating func unexpected(afterElementOf top: Int) -> JSONParseError {
        let frame = frames[top]
        if frame.isObject {
            return unexpected("',' or '}' after the value of \(quoted(frame.pendingKey)) in the object started at \(location(at: frame.start))")
        }
        return unexpected("',' or ']' after element [\(values.count - frame.firstChild - 1)] of the array started at \(location(at: frame.start))")
    }
}
