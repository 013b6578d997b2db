import CLibXML2

/// A read-only handle to one node of a parsed document; it keeps the document alive.
///
/// Sendable for the reasons `XMLDocument` is: the tree never changes after parsing.
public struct XMLNode: @unchecked Sendable, Hashable, CustomStringConvertible {
    /// The document this node belongs to.
    public let document: XMLDocument
    /// An `xmlNode`, `xmlAttr` or `xmlDoc`, depending on `kind`; the three share their first fields
    /// but not their size, so each is only ever read through its own struct.
    let raw: UnsafeMutableRawPointer

    init(document: XMLDocument, raw: UnsafeMutableRawPointer) {
        self.document = document
        self.raw = raw
    }

    public static func == (lhs: XMLNode, rhs: XMLNode) -> Bool { lhs.raw == rhs.raw }
    public func hash(into hasher: inout Hasher) { hasher.combine(raw) }

    /// What the node is.
    public var kind: Kind { Kind(caseway_node_type(raw)) }

    /// The node as libxml2's generic node type, for libxml2 calls that dispatch on the type.
    var genericPointer: UnsafeMutablePointer<xmlNode> { raw.assumingMemoryBound(to: xmlNode.self) }
    private var attributePointer: UnsafeMutablePointer<xmlAttr> { raw.assumingMemoryBound(to: xmlAttr.self) }
    private var documentPointer: UnsafeMutablePointer<xmlDoc> { raw.assumingMemoryBound(to: xmlDoc.self) }

    private var namespace: UnsafeMutablePointer<xmlNs>? {
        switch kind {
        case .element: genericPointer.pointee.ns
        case .attribute: attributePointer.pointee.ns
        default: nil
        }
    }

    /// The element or attribute name without its prefix (the target of a processing instruction,
    /// empty for other nodes).
    public var localName: String {
        switch kind {
        case .element, .processingInstruction: LibXML2.string(genericPointer.pointee.name) ?? ""
        case .attribute: LibXML2.string(attributePointer.pointee.name) ?? ""
        default: ""
        }
    }

    /// The prefix the name was written with, if any.
    public var prefix: String? { LibXML2.string(namespace?.pointee.prefix) }

    /// The namespace the node's name is in; nil for no namespace.
    public var namespaceURI: String? {
        guard let href = LibXML2.string(namespace?.pointee.href), !href.isEmpty else { return nil }
        return href
    }

    /// `prefix:localName`, or the local name alone.
    public var qualifiedName: String { prefix.map { "\($0):\(localName)" } ?? localName }

    /// The text of the node: for an element, all its descendant text and CDATA joined, as XPath's
    /// `string()` gives it; for an attribute its value; for text, CDATA and comments their content.
    public var textContent: String {
        switch kind {
        case .text, .cdata, .comment, .processingInstruction:
            return LibXML2.string(genericPointer.pointee.content) ?? ""
        case .element, .attribute:
            // Most elements a mapping reads hold one text node: read it in place.
            let first = kind == .element ? genericPointer.pointee.children : attributePointer.pointee.children
            guard let first else { return "" }
            let firstKind = Kind(first.pointee.type)
            if first.pointee.next == nil, firstKind == .text || firstKind == .cdata {
                return LibXML2.string(first.pointee.content) ?? ""
            }
            return LibXML2.consume(xmlNodeGetContent(genericPointer)) ?? ""
        case .document, .other:
            return LibXML2.consume(xmlNodeGetContent(genericPointer)) ?? ""
        }
    }

    /// The element's attributes in document order (namespace declarations are not attributes).
    public var attributes: [XMLAttribute] {
        guard kind == .element else { return [] }
        var result: [XMLAttribute] = []
        var attribute = genericPointer.pointee.properties
        while let current = attribute {
            result.append(
                XMLAttribute(
                    localName: LibXML2.string(current.pointee.name) ?? "",
                    prefix: LibXML2.string(current.pointee.ns?.pointee.prefix),
                    namespaceURI: LibXML2.string(current.pointee.ns?.pointee.href),
                    value: XMLNode(document: document, raw: UnsafeMutableRawPointer(current)).textContent))
            attribute = current.pointee.next
        }
        return result
    }

    /// The value of the attribute `localName` in `namespace` (nil: the unprefixed attribute).
    public func attribute(_ localName: String, namespace: String? = nil) -> String? {
        guard kind == .element else { return nil }
        return LibXML2.withXMLString(localName) { name in
            var attribute = genericPointer.pointee.properties
            while let current = attribute {
                if LibXML2.equal(current.pointee.name, name),
                    LibXML2.string(current.pointee.ns?.pointee.href) == namespace
                {
                    return XMLNode(document: document, raw: UnsafeMutableRawPointer(current)).textContent
                }
                attribute = current.pointee.next
            }
            return nil
        }
    }

    /// The parent node (the document node for the root element; nil for the document).
    public var parent: XMLNode? {
        let parent: UnsafeMutablePointer<xmlNode>? =
            switch kind {
            case .document: nil
            case .attribute: attributePointer.pointee.parent
            default: genericPointer.pointee.parent
            }
        return parent.map { XMLNode(document: document, raw: UnsafeMutableRawPointer($0)) }
    }

    /// Child nodes in document order: elements, text, CDATA, comments, processing instructions.
    public var children: [XMLNode] {
        var result: [XMLNode] = []
        forEachChild { result.append($0) }
        return result
    }

    /// Child elements in document order.
    public var childElements: [XMLNode] {
        var result: [XMLNode] = []
        forEachChild { if $0.kind == .element { result.append($0) } }
        return result
    }

    /// Child elements named `localName` in `namespace` (nil: in no namespace).
    public func childElements(named localName: String, namespace: String? = nil) -> [XMLNode] {
        childElements.filter { $0.localName == localName && $0.namespaceURI == namespace }
    }

    /// The first child element named `localName` in `namespace` (nil: in no namespace).
    public func firstChildElement(named localName: String, namespace: String? = nil) -> XMLNode? {
        childElements.first { $0.localName == localName && $0.namespaceURI == namespace }
    }

    private func forEachChild(_ body: (XMLNode) -> Void) {
        var child: UnsafeMutablePointer<xmlNode>? =
            switch kind {
            case .document: documentPointer.pointee.children
            case .element: genericPointer.pointee.children
            default: nil
            }
        while let current = child {
            body(XMLNode(document: document, raw: UnsafeMutableRawPointer(current)))
            child = current.pointee.next
        }
    }

    /// The namespace `prefix` (nil: the default namespace) stands for at this element.
    public func namespaceURI(forPrefix prefix: String?) -> String? {
        if prefix == "xml" { return "http://www.w3.org/XML/1998/namespace" }
        var element: UnsafeMutablePointer<xmlNode>? =
            switch kind {
            case .element: genericPointer
            case .attribute: attributePointer.pointee.parent
            default: nil
            }
        // Walked in Swift rather than with xmlSearchNs, which may add the xml namespace to the
        // document (a write) and so is not safe on a document shared between threads.
        while let current = element, Kind(current.pointee.type) == .element {
            var declaration = current.pointee.nsDef
            while let ns = declaration {
                if LibXML2.string(ns.pointee.prefix) == prefix {
                    let href = LibXML2.string(ns.pointee.href) ?? ""
                    return href.isEmpty ? nil : href
                }
                declaration = ns.pointee.next
            }
            element = current.pointee.parent
        }
        return nil
    }

    /// The namespace declarations written on this element (`xmlns:p="..."`, `xmlns="..."`), in order.
    var namespaceDeclarations: [(prefix: String?, uri: String)] {
        guard kind == .element else { return [] }
        var result: [(prefix: String?, uri: String)] = []
        var declaration = genericPointer.pointee.nsDef
        while let ns = declaration {
            result.append((LibXML2.string(ns.pointee.prefix), LibXML2.string(ns.pointee.href) ?? ""))
            declaration = ns.pointee.next
        }
        return result
    }

    /// The line the node starts on in the input, when libxml2 recorded one.
    public var line: Int? {
        guard kind != .attribute, kind != .document else { return nil }
        let line = xmlGetLineNo(genericPointer)
        return line > 0 ? Int(line) : nil
    }

    /// An XPath that selects this node (`/*/*[3]`-style where namespaces make names ambiguous),
    /// for error messages.
    public var path: String { LibXML2.consume(xmlGetNodePath(genericPointer)) ?? "" }

    public var description: String {
        switch kind {
        case .element: "<\(qualifiedName)> at \(path)"
        case .attribute: "@\(qualifiedName) at \(path)"
        default: "\(kind) at \(path)"
        }
    }
}
