import CLibXML2

/// A parsed XML document: owns libxml2's tree and frees it when the last reference goes.
///
/// Sendable because it is immutable after parsing: nothing in Caseway's API changes the tree,
/// and every read it offers (node fields, `xmlNodeGetContent`, XPath with a fresh
/// `xmlXPathContext` per evaluator) only reads it. libxml2 2.9.14 is built thread-safe (its
/// globals are per thread; the document's name dictionary is reference-counted under a lock),
/// so several threads may read one document at once, and the last release may free it on any
/// thread. Do not hand its pointer to a libxml2 call that modifies the tree.
public final class XMLDocument: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<xmlDoc>
    /// The name errors about this document start with (a file name or a request id).
    public let sourceName: String

    init(owning pointer: UnsafeMutablePointer<xmlDoc>, sourceName: String) {
        self.pointer = pointer
        self.sourceName = sourceName
    }

    /// Parses UTF-8 (or ISO-8859-1 / US-ASCII, when declared) bytes, refusing any DTD.
    public convenience init<Bytes: Collection<UInt8>>(
        parsing bytes: Bytes,
        sourceName: String = "input",
        options: Options = Options()
    ) throws {
        let parse = { (buffer: UnsafeBufferPointer<UInt8>) in
            try XMLParseSession.parse(UnsafeRawBufferPointer(buffer), sourceName: sourceName, options: options)
        }
        let document = try bytes.withContiguousStorageIfAvailable(parse) ?? Array(bytes).withUnsafeBufferPointer(parse)
        self.init(owning: document, sourceName: sourceName)
    }

    /// Parses a document held in a string.
    public convenience init(parsing text: String, sourceName: String = "input", options: Options = Options()) throws {
        try self.init(parsing: text.utf8, sourceName: sourceName, options: options)
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// The document node itself, the context for absolute XPath expressions.
    public var node: XMLNode { XMLNode(document: self, raw: UnsafeMutableRawPointer(pointer)) }

    /// The root element.
    public var root: XMLNode? {
        xmlDocGetRootElement(pointer).map { XMLNode(document: self, raw: UnsafeMutableRawPointer($0)) }
    }
}
