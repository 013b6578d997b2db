import CLibXML2

/// One parse of one document with libxml2's SAX2 tree builder, plus Caseway's own guards.
///
/// Why SAX hooks rather than checks on the finished tree: the guards must act before libxml2
/// does the work they protect against. A DOCTYPE is refused in the `internalSubset` callback,
/// which libxml2 calls after reading `<!DOCTYPE name` and before reading the internal subset, so
/// no entity is ever declared (billion laughs, XXE) and memory stays flat. Nesting and text size
/// are checked as elements open and text arrives, so a 10,000-deep or 1 GB-text input stops at
/// the limit. Errors come from the context's own structured-error callback (`sax->serror`),
/// never from libxml2's process-wide generic handler, so concurrent parses never see each
/// other's errors and nothing is printed to stderr.
final class XMLParseSession {
    /// More errors than this after a first one add nothing for an integrator.
    private static let maxRecordedErrors = 20

    private let sourceName: String
    private let options: XMLDocument.Options
    private var errors: [XMLError] = []
    private var refusal: XMLError?
    private var textRun = 0

    // libxml2's own SAX2 tree-building callbacks, which the guards forward to.
    private var buildStartElement: startElementNsSAX2Func?
    private var buildEndElement: endElementNsSAX2Func?
    private var buildCharacters: charactersSAXFunc?
    private var buildCDATA: cdataBlockSAXFunc?

    private init(sourceName: String, options: XMLDocument.Options) {
        self.sourceName = sourceName
        self.options = options
    }

    /// Parses `bytes` into a libxml2 document that the caller owns, or throws the first problem.
    static func parse(
        _ bytes: UnsafeRawBufferPointer,
        sourceName: String,
        options: XMLDocument.Options
    ) throws -> UnsafeMutablePointer<xmlDoc> {
        _ = LibXML2.initialized
        let limit = min(options.maxInputBytes, Int(Int32.max))
        guard bytes.count <= limit else {
            throw XMLError(
                .documentTooLarge, "document too large (\(bytes.count) bytes, limit \(limit))",
                sourceName: sourceName)
        }
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw XMLError(
                .notWellFormed, "Document is empty", sourceName: sourceName,
                location: SourceLocation(line: 1, column: 1, offset: 0))
        }
        try XMLEncodingCheck.check(bytes, sourceName: sourceName)
        // The memory parser context copies the bytes into its own input buffer.
        guard
            let context = xmlCreateMemoryParserCtxt(
                base.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        else {
            throw XMLError(.libxml2Failure, "libxml2 could not create a parser context", sourceName: sourceName)
        }
        defer { xmlFreeParserCtxt(context) }
        let session = XMLParseSession(sourceName: sourceName, options: options)
        return try withExtendedLifetime(session) { try session.run(context) }
    }

    private func run(_ context: xmlParserCtxtPtr) throws -> UnsafeMutablePointer<xmlDoc> {
        // NONET: never fetch anything. No NOENT, DTDLOAD, DTDATTR or DTDVALID: entities stay
        // unexpanded and no DTD is read (and any DOCTYPE is refused below anyway). CDATA stays CDATA.
        // NOERROR/NOWARNING unhook the context's printing handlers; serror below gets everything.
        var flags = XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue
            | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        if !options.keepsIgnorableWhitespace { flags |= XML_PARSE_NOBLANKS.rawValue }
        guard xmlCtxtUseOptions(context, Int32(flags)) == 0, let sax = context.pointee.sax else {
            throw XMLError(.libxml2Failure, "libxml2 refused the parser options", sourceName: sourceName)
        }
        buildStartElement = sax.pointee.startElementNs
        buildEndElement = sax.pointee.endElementNs
        buildCharacters = sax.pointee.characters
        buildCDATA = sax.pointee.cdataBlock

        sax.pointee.serror = { data, error in XMLParseSession.record(data, error) }
        sax.pointee.internalSubset = { ctx, _, _, _ in XMLParseSession.refuseDTD(ctx) }
        sax.pointee.externalSubset = { ctx, _, _, _ in XMLParseSession.refuseDTD(ctx) }
        sax.pointee.entityDecl = { ctx, _, _, _, _, _ in XMLParseSession.refuseDTD(ctx) }
        sax.pointee.startElementNs = { ctx, localName, prefix, uri, nsCount, namespaces, attributeCount, defaulted, attributes in
            guard let (session, context) = XMLParseSession.session(ctx) else { return }
            // nodeNr counts the open elements; this one is not pushed yet.
            guard Int(context.pointee.nodeNr) < session.options.maxDepth else {
                session.refuse(.nestingTooDeep, "nesting too deep (limit \(session.options.maxDepth))", context)
                return
            }
            session.textRun = 0
            session.buildStartElement?(
                ctx, localName, prefix, uri, nsCount, namespaces, attributeCount, defaulted, attributes)
        }
        sax.pointee.endElementNs = { ctx, localName, prefix, uri in
            guard let (session, _) = XMLParseSession.session(ctx) else { return }
            session.textRun = 0
            session.buildEndElement?(ctx, localName, prefix, uri)
        }
        let characters: charactersSAXFunc = { ctx, characters, length in
            guard let (session, context) = XMLParseSession.session(ctx) else { return }
            guard session.countText(length, context) else { return }
            session.buildCharacters?(ctx, characters, length)
        }
        sax.pointee.characters = characters
        if options.keepsIgnorableWhitespace {
            // The same pointer for both tells libxml2 not to sort whitespace out at all.
            sax.pointee.ignorableWhitespace = characters
        }
        sax.pointee.cdataBlock = { ctx, characters, length in
            guard let (session, context) = XMLParseSession.session(ctx) else { return }
            guard session.countText(length, context) else { return }
            session.buildCDATA?(ctx, characters, length)
        }
        context.pointee._private = Unmanaged.passUnretained(self).toOpaque()

        _ = xmlParseDocument(context)

        let document = context.pointee.myDoc
        context.pointee.myDoc = nil
        let wellFormed = context.pointee.wellFormed != 0
        if let refusal {
            if let document { xmlFreeDoc(document) }
            throw refusal
        }
        guard let document, wellFormed, errors.isEmpty else {
            if let document { xmlFreeDoc(document) }
            guard var first = errors.first else {
                throw XMLError(.notWellFormed, "the document could not be parsed", sourceName: sourceName)
            }
            first.laterErrors = Array(errors.dropFirst())
            throw first
        }
        return document
    }

    /// The session and parser context behind a SAX callback's `ctx` (libxml2 passes the context
    /// itself as user data, because Caseway never sets other user data).
    private static func session(_ ctx: UnsafeMutableRawPointer?) -> (XMLParseSession, xmlParserCtxtPtr)? {
        guard let ctx else { return nil }
        let context = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let session = context.pointee._private else { return nil }
        return (Unmanaged<XMLParseSession>.fromOpaque(session).takeUnretainedValue(), context)
    }

    private static func refuseDTD(_ ctx: UnsafeMutableRawPointer?) {
        guard let (session, context) = session(ctx) else { return }
        session.refuse(.doctypeNotAllowed, "DTD not allowed", context)
    }

    private static func record(_ data: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
        guard let error, let (session, context) = session(data) else { return }
        // Warnings (e.g. a relative namespace URI) do not make a document unusable.
        guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        // Once Caseway has stopped the parser, what libxml2 says next is an echo of the stop.
        guard session.refusal == nil, session.errors.count < maxRecordedErrors else { return }
        var message = error.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while let last = message.last, last.isWhitespace { message.removeLast() }
        let line = Int(error.pointee.line)
        let column = Int(error.pointee.int2)
        session.errors.append(
            XMLError(
                .notWellFormed, message, sourceName: session.sourceName,
                location: line > 0
                    ? SourceLocation(line: line, column: max(column, 1), offset: offset(context)) : nil,
                libxml2Code: Int(error.pointee.code)))
    }

    /// Counts character data towards the current run; false (and the parser stopped) past the limit.
    private func countText(_ length: Int32, _ context: xmlParserCtxtPtr) -> Bool {
        textRun += Int(length)
        guard textRun <= options.maxTextBytes else {
            refuse(.textTooLong, "text too long (limit \(options.maxTextBytes) bytes)", context)
            return false
        }
        return true
    }

    private func refuse(_ code: XMLError.Code, _ message: String, _ context: xmlParserCtxtPtr) {
        if refusal == nil {
            refusal = XMLError(code, message, sourceName: sourceName, location: Self.location(context))
        }
        xmlStopParser(context)
    }

    private static func location(_ context: xmlParserCtxtPtr) -> SourceLocation? {
        guard let input = context.pointee.input else { return nil }
        return SourceLocation(
            line: Int(input.pointee.line), column: max(Int(input.pointee.col), 1), offset: offset(context))
    }

    /// The byte offset libxml2 has reached, in the UTF-8 it parses (the input bytes themselves
    /// unless the document was ISO-8859-1 or US-ASCII and libxml2 converted it).
    private static func offset(_ context: xmlParserCtxtPtr) -> Int {
        guard let input = context.pointee.input, let base = input.pointee.base, let current = input.pointee.cur else {
            return 0
        }
        return Int(input.pointee.consumed) + (current - base)
    }
}
