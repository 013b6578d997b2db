/// Writes a plain XML document (no namespaces, no CDATA, not indented, with the declaration) straight as
/// text, byte for byte as `XMLWriter` serialises the same calls through libxml2: text escapes `<`, `>`,
/// `&` and CR; attribute values also `"`, tab and LF; non-ASCII stays UTF-8; an element without content
/// is written `<name/>`; the document ends with a line break.
///
/// Why: building libxml2's tree and serialising it was over half of a JSON → XML mapping's time. This
/// writer refuses (throws `Unsupported`) anything it does not write exactly as libxml2 would — names
/// that are not NCNames, characters XML 1.0 forbids, an attribute after content or given twice,
/// namespaces, CDATA — and the mapping then writes the document again through `XMLWriter`, which
/// reports or repairs those as it always has.
struct XMLTextWriter: ~Copyable, XMLOutputWriter {
    /// Thrown for whatever only `XMLWriter` writes or reports; never shown to anyone.
    struct Unsupported: Error {}

    private var output = JSONWriter.Output(capacity: 2048)
    /// The names of the open elements, innermost last.
    private var open: [String] = []
    /// Whether the innermost element's start tag still takes attributes (its `>` is not written yet).
    private var startTagIsOpen = false
    /// The attributes of the open start tag, so a second one of a name goes to libxml2 (which replaces).
    private var attributeNames: [String] = []
    private var hasRoot = false

    init() {
        open.reserveCapacity(8)
        output.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" as StaticString)
    }

    mutating func startElement(_ localName: String, namespace: String?, prefix: String?) throws {
        guard namespace == nil, prefix == nil, XMLCharacters.isNCName(localName), !(open.isEmpty && hasRoot) else {
            throw Unsupported()
        }
        closeStartTag()
        output.append(UInt8(ascii: "<"))
        output.append(localName)
        open.append(localName)
        hasRoot = true
        startTagIsOpen = true
        attributeNames.removeAll(keepingCapacity: true)
    }

    mutating func endElement() throws {
        guard let name = open.popLast() else { throw Unsupported() }
        if startTagIsOpen {
            output.append(UInt8(ascii: "/"), UInt8(ascii: ">"))
            startTagIsOpen = false
        } else {
            output.append(UInt8(ascii: "<"), UInt8(ascii: "/"))
            output.append(name)
            output.append(UInt8(ascii: ">"))
        }
    }

    mutating func element(_ localName: String, namespace: String?, prefix: String?, text: String) throws {
        try startElement(localName, namespace: namespace, prefix: prefix)
        try self.text(text)
        try endElement()
    }

    mutating func attribute(_ localName: String, _ value: String, namespace: String?, prefix: String?) throws {
        guard startTagIsOpen, namespace == nil, prefix == nil, localName != "xmlns", XMLCharacters.isNCName(localName),
            !attributeNames.contains(localName)
        else { throw Unsupported() }
        attributeNames.append(localName)
        output.append(UInt8(ascii: " "))
        output.append(localName)
        output.append(UInt8(ascii: "="), UInt8(ascii: "\""))
        try appendEscaped(value, inAttribute: true)
        output.append(UInt8(ascii: "\""))
    }

    mutating func text(_ text: String) throws {
        guard !open.isEmpty else { throw Unsupported() }
        guard !text.isEmpty else { return }
        closeStartTag()
        try appendEscaped(text, inAttribute: false)
    }

    mutating func cdata(_ text: String) throws {
        throw Unsupported()
    }

    mutating func declareNamespace(_ uri: String, prefix: String?) throws {
        throw Unsupported()
    }

    mutating func finish() throws -> [UInt8] {
        guard hasRoot, open.isEmpty else { throw Unsupported() }
        output.append(UInt8(ascii: "\n"))
        return output.withBytes { Array($0) }
    }

    private mutating func closeStartTag() {
        guard startTagIsOpen else { return }
        output.append(UInt8(ascii: ">"))
        startTagIsOpen = false
    }

    /// Appends `text` escaped as libxml2's serialiser escapes text (`xmlEscapeContent`) or attribute
    /// values (`xmlBufAttrSerializeTxtContent`) in a UTF-8 document.
    private mutating func appendEscaped(_ text: String, inAttribute: Bool) throws {
        var text = text
        try text.withUTF8 { bytes in
            guard XMLCharacters.firstInvalid(in: bytes) == nil else { throw Unsupported() }
            var run = 0
            for index in bytes.indices {
                let escape: StaticString
                switch bytes[index] {
                case UInt8(ascii: "<"): escape = "&lt;"
                case UInt8(ascii: ">"): escape = "&gt;"
                case UInt8(ascii: "&"): escape = "&amp;"
                case 0x0D: escape = "&#13;"
                case UInt8(ascii: "\"") where inAttribute: escape = "&quot;"
                case 0x0A where inAttribute: escape = "&#10;"
                case 0x09 where inAttribute: escape = "&#9;"
                default: continue
                }
                output.append(UnsafeBufferPointer(rebasing: bytes[run..<index]))
                output.append(escape)
                run = index + 1
            }
            output.append(UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }
}
