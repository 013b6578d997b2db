#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON document as a flat list of entries pointing into its bytes, for mappings: where the tree
/// parser makes a `String` of every key and value and an array of every container (and frees them all
/// again), the tape makes one entry per value and key in one reused array, and a mapping turns into
/// strings only the few values it writes.
///
/// Built by `JSONScanner.scanTape`, which checks the whole document as the tree parser does but gives
/// up (rather than reporting) on anything unusual; the caller then parses the document as a tree, so
/// every error and every odd case behaves exactly as before.
///
/// The tape borrows the document's bytes: it is valid only while they are, which for a mapping is the
/// length of one `run`. Not Sendable; one tape belongs to one run.
struct JSONTape {
    /// What an entry is.
    enum Kind: UInt8 {
        case object
        case array
        /// A string without escapes: its content is `start..<start + length` in the bytes.
        case string
        /// A string with escapes: `length` is its index in `decodedStrings`.
        case escapedString
        /// An object member's key, always without escapes (others send the document to the tree parser).
        case key
        case number
        case trueValue
        case falseValue
        case null
    }

    /// One value or key. Containers are followed by their children: an array by its elements, an
    /// object by key and value pairs.
    struct Entry {
        var kind: Kind
        /// Byte offset of a string's content, a key's or a number's first byte.
        var start: Int32
        /// Bytes of a string, key or number; elements or members of a container; see `Kind.escapedString`.
        var length: Int32
        /// The entry after this value and everything inside it, so a lookup steps over a container at once.
        var next: Int32
    }

    /// What `JSONScanner.scanTape` throws when it leaves a document to the tree parser. Never shown:
    /// the tree parser's own error (or its success) replaces it.
    static let declined = JSONParseError(
        kind: .syntax, message: "left to the tree parser", location: SourceLocation(line: 1, column: 1, offset: 0))

    /// The document's bytes, borrowed for the tape's life.
    let bytes: UnsafeBufferPointer<UInt8>
    var entries: [Entry] = []
    var decodedStrings: [String] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // About one entry per 12 bytes on service requests; one allocation instead of regrowing.
        entries.reserveCapacity(bytes.count / 12 + 8)
    }

    /// The tape of strict JSON `document`, or `declined` (or another error) when the tree parser must
    /// decide; see `JSONScanner.scanTape`.
    static func scan(_ document: UnsafeRawBufferPointer, maxDepth: Int) throws(JSONParseError) -> JSONTape {
        guard let base = document.baseAddress, document.count > 0 else { throw declined }
        let bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: document.count)
        var tape = JSONTape(bytes: bytes)
        var scanner = JSONScanner(bytes: base.assumingMemoryBound(to: UInt8.self), count: bytes.count, isJSON5: false, maxDepth: maxDepth, recordLocations: false,
            buildsValues: false)
        try scanner.scanTape(into: &tape)
        return tape
    }

    /// The bytes of a string, key or number entry (already checked to lie inside the document).
    @inline(__always)
    func content(of entry: Entry) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.start) + Int(entry.length)])
    }

    /// The text of a string, key or number entry.
    func text(at position: Int) -> String {
        let entry = entries[position]
        if entry.kind == .escapedString { return decodedStrings[Int(entry.length)] }
        return String(decoding: content(of: entry), as: UTF8.self)
    }

    /// The value of the member `key` of the object at `object`, or nil (no such key, or not an object).
    func member(_ key: String, ofObjectAt object: Int) -> Int? {
        guard entries[object].kind == .object else { return nil }
        // Native strings always have contiguous UTF-8; the copy is only for a bridged one.
        if let found = key.utf8.withContiguousStorageIfAvailable({ member(matching: $0, ofObjectAt: object) }) { return found }
        return Array(key.utf8).withUnsafeBufferPointer { member(matching: $0, ofObjectAt: object) }
    }

    private func member(matching wanted: UnsafeBufferPointer<UInt8>, ofObjectAt object: Int) -> Int? {
        var position = object + 1
        let end = Int(entries[object].next)
        while position < end {
            let entry = entries[position]
            if Int(entry.length) == wanted.count, Self.sameBytes(content(of: entry), wanted) { return position + 1 }
            position = Int(entries[position + 1].next)
        }
        return nil
    }

    /// The element at `index` (negative: from the end) of the array at `array`, or nil.
    func element(_ index: Int, ofArrayAt array: Int) -> Int? {
        guard entries[array].kind == .array else { return nil }
        let count = Int(entries[array].length)
        let wanted = index < 0 ? count + index : index
        guard wanted >= 0, wanted < count else { return nil }
        var position = array + 1
        for _ in 0..<wanted { position = Int(entries[position].next) }
        return position
    }

    /// The positions of a container's element values (for an object, its member values), in order.
    func children(of container: Int) -> [Int] {
        let entry = entries[container]
        var positions: [Int] = []
        positions.reserveCapacity(Int(entry.length))
        var position = container + 1
        let step = entry.kind == .object ? 1 : 0
        while position < Int(entry.next) {
            positions.append(position + step)
            position = Int(entries[position + step].next)
        }
        return positions
    }

    /// The value at `position` as the tree parser would have made it; only for values taken whole.
    func jsonValue(at position: Int) -> JSONValue {
        let entry = entries[position]
        switch entry.kind {
        case .object: return .object(jsonObject(at: position))
        case .array: return .array(children(of: position).map(jsonValue(at:)))
        case .string, .escapedString, .key: return .string(text(at: position))
        case .number: return .number(JSONNumber(text: text(at: position)))
        case .trueValue: return .bool(true)
        case .falseValue: return .bool(false)
        case .null: return .null
        }
    }

    /// The object at `position` (already known to be one) with every member made.
    func jsonObject(at position: Int) -> JSONObject {
        var members: [JSONObject.Member] = []
        members.reserveCapacity(Int(entries[position].length))
        for value in children(of: position) {
            members.append(JSONObject.Member(key: text(at: value - 1), value: jsonValue(at: value)))
        }
        return JSONObject(members)
    }

    /// Whether two byte runs are equal; `elementsEqual` goes through a generic iterator, costing more than
    /// the whole rest of a key lookup.
    @inline(__always)
    static func sameBytes(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        guard first.count == second.count else { return false }
        guard let left = first.baseAddress, let right = second.baseAddress else { return first.count == 0 }
        return memcmp(left, right, first.count) == 0
    }
}
