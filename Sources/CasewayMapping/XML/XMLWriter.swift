import CLibXML2

/// Builds one XML document with libxml2's tree API and serialises it as UTF-8.
///
/// Calls go in document order: `startElement`, then `attribute`s and `declareNamespace`s of that
/// element (any time while it is the innermost open element), `text`, `cdata` and child elements,
/// then `endElement`. Namespaces are declared where they are first needed and reused while in
/// scope. Escaping is libxml2's serialiser's: `<`, `>` and `&` in text; `<`, `>`, `&`, `"`, tab,
/// LF and CR in attributes; non-ASCII stays UTF-8. Characters XML 1.0 forbids are rejected (or
/// replaced, by option) before they reach libxml2, which would write them as they are.
///
/// Why the tree API and not `xmlTextWriter`: on the benchmark work order the two cost about the
/// same in C (72k against 67k instructions a document, both over 100,000 documents/s), but
/// `xmlTextWriter` without a document writes non-ASCII attribute values as character references
/// (`Siobh&#xE1;n`), has no namespace scoping of its own and does not split `]]>` in CDATA; the
/// tree serialiser handles all three, and pretty-prints mixed content without changing it.
///
/// A call that throws leaves the document as it was before the call.
///
/// Not Sendable: one writer builds one document on one task.
public final class XMLWriter {
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// How the document is serialised.
    public let options: Options
    private let document: UnsafeMutablePointer<xmlDoc>
    /// The mutable bookkeeping, behind a pointer this writer allocates and frees. Why not stored
    /// properties: every access to a class's stored `var` is checked for exclusivity at run time,
    /// and on the work order those checks were 10% of the instructions; a writer is used by one
    /// task at a time and never re-enters itself while touching this state.
    private let state: UnsafeMutablePointer<State>

    /// A writer for one new document.
    public init(options: Options = Options()) throws {
        _ = LibXML2.initialized
        guard let document = LibXML2.withXMLString("1.0", { xmlNewDoc($0) }) else {
            throw XMLError(.libxml2Failure, "libxml2 could not create a document")
        }
        // A document that says it is UTF-8 is serialised without an output converter and keeps
        // non-ASCII attribute values as UTF-8 (without it libxml2 writes `&#xE1;`).
        document.pointee.encoding = UnsafePointer(LibXML2.withXMLString("UTF-8") { xmlStrdup($0) })
        self.options = options
        self.document = document
        state = .allocate(capacity: 1)
        state.initialize(to: State())
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
        xmlFreeDoc(document)
    }

    // MARK: Elements

    /// Opens an element. With a namespace and no prefix, an in-scope binding for the namespace is
    /// reused, else it becomes the default namespace; without a namespace the element is in none
    /// (`xmlns=""` is written when a default namespace is in scope).
    public func startElement(_ localName: String, namespace: String? = nil, prefix: String? = nil) throws {
        state.pointee.open.append(try makeElement(localName, namespace: namespace, prefix: prefix))
    }

    /// Closes the innermost open element.
    public func endElement() throws {
        try checkWritable()
        guard let element = state.pointee.open.popLast() else { throw stateError("endElement() with no open element") }
        closeScope(of: element)
    }

    /// Writes `<localName>text</localName>`.
    public func element(_ localName: String, namespace: String? = nil, prefix: String? = nil, text: String) throws {
        // The commonest call of a mapping, so it skips the open-element stack.
        let element = try makeElement(localName, namespace: namespace, prefix: prefix)
        do {
            if !text.isEmpty { try append(text, to: element, asCDATA: false) }
        } catch {
            discard(element)
            throw error
        }
        closeScope(of: element)
    }

    /// Creates an element as the last child of the innermost open one (or as the root) and
    /// gives it its namespace.
    private func makeElement(_ localName: String, namespace: String?, prefix: String?) throws -> OpenElement {
        try checkWritable()
        try checkName(localName, "element")
        let namespace = namespace.flatMap { $0.isEmpty ? nil : $0 }
        if let prefix {
            try checkPrefix(prefix)
            guard namespace != nil else {
                throw XMLError(.invalidName, "element <\(prefix):\(localName)> has a prefix but no namespace")
            }
        }
        let parent = state.pointee.open.last
        if parent == nil, state.pointee.hasRoot {
            throw stateError("a second root element <\(localName)>: a document has exactly one")
        }
        guard let node = LibXML2.withXMLString(localName, { xmlNewDocNode(document, nil, $0, nil) }) else {
            throw XMLError(.libxml2Failure, "libxml2 could not create element <\(localName)>")
        }
        if let parent {
            guard xmlAddChild(parent.node, node) != nil else {
                xmlFreeNode(node)
                throw XMLError(.libxml2Failure, "libxml2 could not add <\(localName)> to <\(parent.qualifiedName)>")
            }
        } else {
            xmlDocSetRootElement(document, node)
            state.pointee.hasRoot = true
        }
        let element = OpenElement(node: node, firstDeclaration: state.pointee.declarations.count)
        do {
            node.pointee.ns = try namespaceForElement(namespace, prefix: prefix, on: element)
        } catch {
            discard(element)
            throw error
        }
        return element
    }

    /// Takes an element that is not on the open stack back out of the document.
    private func discard(_ element: OpenElement) {
        closeScope(of: element)
        if element.node == xmlDocGetRootElement(document) { state.pointee.hasRoot = false }
        xmlUnlinkNode(element.node)
        xmlFreeNode(element.node)
    }

    /// Forgets the namespace declarations of an element being closed.
    private func closeScope(of element: OpenElement) {
        // Checked first: removing nothing from an empty array would still copy it.
        if element.firstDeclaration < state.pointee.declarations.count {
            state.pointee.declarations.removeSubrange(element.firstDeclaration...)
        }
    }

    /// Writes an element whose content `content` writes.
    public func element(
        _ localName: String,
        namespace: String? = nil,
        prefix: String? = nil,
        _ content: (XMLWriter) throws -> Void
    ) throws {
        try startElement(localName, namespace: namespace, prefix: prefix)
        try content(self)
        try endElement()
    }

    // MARK: Attributes and namespaces

    /// Sets an attribute on the innermost open element (replacing one of the same name).
    /// A namespaced attribute needs a prefix: the given one, one in scope, or a generated `nsN`.
    public func attribute(_ localName: String, _ value: String, namespace: String? = nil, prefix: String? = nil) throws {
        try checkWritable()
        guard let element = state.pointee.open.last else {
            throw stateError("attribute \(localName) outside an element")
        }
        try checkName(localName, "attribute")
        let namespace = namespace.flatMap { $0.isEmpty ? nil : $0 }
        if namespace == nil, localName == "xmlns" || prefix != nil {
            throw XMLError(
                .invalidName,
                "attribute \(prefix.map { "\($0):" } ?? "")\(localName) on <\(element.qualifiedName)>: use declareNamespace for xmlns, and give a prefixed attribute its namespace")
        }
        let value = try checkedText(value, "attribute \(localName) of <\(element.qualifiedName)>")
        let ns = try namespace.map { try namespaceForAttribute($0, prefix: prefix) }
        let property = LibXML2.withXMLString(localName) { name in
            LibXML2.withXMLString(value) { value in xmlSetNsProp(element.node, ns, name, value) }
        }
        guard property != nil else {
            throw XMLError(.libxml2Failure, "libxml2 could not set attribute \(localName) on <\(element.qualifiedName)>")
        }
    }

    /// Declares `prefix` (nil: the default namespace) for `uri` on the innermost open element,
    /// unless that binding is already in scope. Useful for prefixes used only in content
    /// (`xsi:type="xsd:string"`). An empty URI with no prefix undeclares the default namespace.
    public func declareNamespace(_ uri: String, prefix: String? = nil) throws {
        try checkWritable()
        guard state.pointee.open.last != nil else { throw stateError("namespace \(uri) declared outside an element") }
        if let prefix {
            try checkPrefix(prefix)
            guard !uri.isEmpty else {
                throw XMLError(.invalidName, "prefix \(prefix) cannot be bound to an empty namespace")
            }
        }
        if binding(forPrefix: prefix)?.uri ?? "" == uri { return }
        _ = try declare(prefix, uri, on: state.pointee.open[state.pointee.open.count - 1])
    }

    // MARK: Text

    /// Appends text to the innermost open element (escaped when serialised).
    public func text(_ text: String) throws {
        try checkWritable()
        guard let element = state.pointee.open.last else { throw stateError("text outside the root element") }
        guard !text.isEmpty else { return }
        try append(text, to: element, asCDATA: false)
    }

    /// Appends a CDATA section (split around any `]]>` when serialised, so it stays well-formed).
    public func cdata(_ text: String) throws {
        try checkWritable()
        guard let element = state.pointee.open.last else { throw stateError("CDATA outside the root element") }
        try append(text, to: element, asCDATA: true)
    }

    private func append(_ text: String, to element: OpenElement, asCDATA: Bool) throws {
        var text = text
        // Checked and handed to libxml2 in one pass over the UTF-8, which is what most of the
        // writer's time per element goes to.
        let repaired = try text.withUTF8 { bytes -> String? in
            if let (scalar, offset) = XMLCharacters.firstInvalid(in: bytes) {
                return try repair(
                    String(decoding: bytes, as: UTF8.self), scalar, offset,
                    "\(asCDATA ? "CDATA" : "text") in <\(element.qualifiedName)>")
            }
            guard bytes.count <= Int(Int32.max) else {
                throw XMLError(.invalidWriterState, "text in <\(element.qualifiedName)> is longer than libxml2 takes")
            }
            let node =
                asCDATA
                ? xmlNewCDataBlock(document, bytes.baseAddress, Int32(bytes.count))
                : xmlNewDocTextLen(document, bytes.baseAddress, Int32(bytes.count))
            guard let node else {
                throw XMLError(.libxml2Failure, "libxml2 could not create text in <\(element.qualifiedName)>")
            }
            // xmlAddChild may merge adjacent text into the previous node and free this one.
            guard xmlAddChild(element.node, node) != nil else {
                xmlFreeNode(node)
                throw XMLError(.libxml2Failure, "libxml2 could not add text to <\(element.qualifiedName)>")
            }
            return nil
        }
        if let repaired { try append(repaired, to: element, asCDATA: asCDATA) }
    }

    // MARK: Output

    /// Serialises the finished document as UTF-8. The writer cannot be used afterwards.
    public func finish() throws -> [UInt8] {
        try checkWritable()
        guard state.pointee.hasRoot else { throw stateError("the document has no root element") }
        if let element = state.pointee.open.last { throw stateError("<\(element.qualifiedName)> is still open") }
        state.pointee.finished = true
        guard let buffer = xmlBufferCreate() else {
            throw XMLError(.libxml2Failure, "libxml2 could not create an output buffer")
        }
        defer { xmlBufferFree(buffer) }
        var saveOptions: Int32 = 0
        if options.prettyPrinted { saveOptions |= Int32(XML_SAVE_FORMAT.rawValue) }
        if !options.includesDeclaration { saveOptions |= Int32(XML_SAVE_NO_DECL.rawValue) }
        // With a declaration, the document's own encoding applies and libxml2 copies UTF-8 straight
        // through. Without one, libxml2 escapes non-ASCII text unless an encoding is named, which
        // costs an output converter; that path is the rarer one.
        guard let save = xmlSaveToBuffer(buffer, options.includesDeclaration ? nil : "UTF-8", saveOptions) else {
            throw XMLError(.libxml2Failure, "libxml2 could not start serialising")
        }
        let saved = xmlSaveDoc(save, document)
        let closed = xmlSaveClose(save)
        guard saved >= 0, closed >= 0, let content = xmlBufferContent(buffer) else {
            throw XMLError(.libxml2Failure, "libxml2 could not serialise the document")
        }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    // MARK: Namespace scope

    private func namespaceForElement(
        _ namespace: String?, prefix: String?, on element: OpenElement
    ) throws -> UnsafeMutablePointer<xmlNs>? {
        guard let namespace else {
            if let inherited = binding(forPrefix: nil), !inherited.uri.isEmpty {
                _ = try declare(nil, "", on: element)
            }
            return nil
        }
        if let prefix {
            if let bound = binding(forPrefix: prefix), bound.uri == namespace { return bound.namespace }
            return try declare(prefix, namespace, on: element)
        }
        if let bound = binding(forPrefix: nil), bound.uri == namespace { return bound.namespace }
        if let bound = prefixedBinding(forURI: namespace) { return bound }
        return try declare(nil, namespace, on: element)
    }

    private func namespaceForAttribute(_ namespace: String, prefix: String?) throws -> UnsafeMutablePointer<xmlNs> {
        guard let element = state.pointee.open.last else { throw stateError("attribute outside an element") }
        if namespace == Self.xmlNamespace {
            // The xml prefix is bound by definition and never declared (this document is private
            // to the writer, so libxml2 adding its xml namespace to it is harmless).
            guard let xml = LibXML2.withXMLString(namespace, { xmlSearchNsByHref(document, element.node, $0) }) else {
                throw XMLError(.libxml2Failure, "libxml2 could not find the xml namespace")
            }
            return xml
        }
        if let prefix {
            if let bound = binding(forPrefix: prefix), bound.uri == namespace { return bound.namespace }
            return try declare(prefix, namespace, on: element)
        }
        if let bound = prefixedBinding(forURI: namespace) { return bound }
        var generated: String
        repeat {
            state.pointee.generatedPrefixes += 1
            generated = "ns\(state.pointee.generatedPrefixes)"
        } while binding(forPrefix: generated) != nil
        return try declare(generated, namespace, on: element)
    }

    /// Declares `prefix` → `uri` on `element` (the innermost open element, or one being made).
    private func declare(_ prefix: String?, _ uri: String, on element: OpenElement) throws -> UnsafeMutablePointer<xmlNs> {
        if prefix == "xml" || prefix == "xmlns" || uri == Self.xmlNamespace {
            throw XMLError(.invalidName, "the prefixes xml and xmlns and the XML namespace cannot be declared")
        }
        // Re-binding a prefix this element already uses would change what its name (or an
        // attribute's) means, so it is refused rather than silently producing different output.
        if prefixIsUsed(prefix, on: element) {
            throw XMLError(
                .invalidName,
                "prefix \(prefix ?? "(default)") is already bound to another namespace on <\(element.qualifiedName)>")
        }
        let namespace = LibXML2.withOptionalXMLString(prefix) { prefix in
            LibXML2.withXMLString(uri) { uri in xmlNewNs(element.node, uri, prefix) }
        }
        guard let namespace else {
            throw XMLError(.libxml2Failure, "libxml2 could not declare namespace \(uri) on <\(element.qualifiedName)>")
        }
        state.pointee.declarations.append((prefix, uri, namespace))
        return namespace
    }

    private func prefixIsUsed(_ prefix: String?, on element: OpenElement) -> Bool {
        if state.pointee.declarations[element.firstDeclaration...].contains(where: { $0.prefix == prefix }) { return true }
        if let ns = element.node.pointee.ns, LibXML2.string(ns.pointee.prefix) == prefix { return true }
        guard prefix != nil else { return false }  // unprefixed attributes use no namespace
        var attribute = element.node.pointee.properties
        while let current = attribute {
            if let ns = current.pointee.ns, LibXML2.string(ns.pointee.prefix) == prefix { return true }
            attribute = current.pointee.next
        }
        return false
    }

    /// The innermost binding of `prefix` (nil: the default namespace).
    private func binding(forPrefix prefix: String?) -> (uri: String, namespace: UnsafeMutablePointer<xmlNs>)? {
        guard let found = state.pointee.declarations.last(where: { $0.prefix == prefix }) else { return nil }
        return (found.uri, found.namespace)
    }

    /// A prefix in scope (not shadowed by an inner declaration) that is bound to `uri`.
    private func prefixedBinding(forURI uri: String) -> UnsafeMutablePointer<xmlNs>? {
        for index in state.pointee.declarations.indices.reversed() {
            let declaration = state.pointee.declarations[index]
            guard let prefix = declaration.prefix, declaration.uri == uri else { continue }
            let shadowed = state.pointee.declarations[(index + 1)...].contains { $0.prefix == prefix }
            if !shadowed { return declaration.namespace }
        }
        return nil
    }

    // MARK: Checks

    private func checkWritable() throws {
        guard !state.pointee.finished else { throw stateError("the document is already finished") }
    }

    private func checkName(_ name: String, _ what: String) throws {
        guard XMLCharacters.isNCName(name) else {
            throw XMLError(.invalidName, "'\(name)' is not a valid XML \(what) name")
        }
    }

    private func checkPrefix(_ prefix: String) throws {
        guard XMLCharacters.isNCName(prefix), prefix != "xmlns" else {
            throw XMLError(.invalidName, "'\(prefix)' is not a valid namespace prefix")
        }
    }

    /// `text`, or its repaired form, or an error naming `place` — per `options.invalidCharacters`.
    private func checkedText(_ text: String, _ place: @autoclosure () -> String) throws -> String {
        var text = text
        guard let (scalar, offset) = text.withUTF8({ XMLCharacters.firstInvalid(in: $0) }) else { return text }
        return try repair(text, scalar, offset, place())
    }

    /// The repaired form of `text`, whose first disallowed character is `scalar` at byte `offset`,
    /// or the error that names it.
    private func repair(_ text: String, _ scalar: Unicode.Scalar, _ offset: Int, _ place: String) throws -> String {
        switch options.invalidCharacters {
        case .replace:
            return XMLCharacters.replacingInvalid(in: text)
        case .reject:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            throw XMLError(
                .invalidCharacter, "\(place) contains \(code) at byte \(offset), which XML 1.0 does not allow")
        }
    }

    private func stateError(_ message: String) -> XMLError {
        XMLError(.invalidWriterState, message)
    }
}
