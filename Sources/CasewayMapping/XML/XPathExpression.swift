import CLibXML2
import Synchronization

/// An XPath 1.0 expression compiled once (when a mapping loads), evaluated many times.
///
/// Thread safety: a compiled `xmlXPathCompExpr` is read-only during evaluation except for one
/// thing in libxml2 2.9.14: the first evaluation of a function call stores the looked-up
/// function pointer in the compiled step (`op->cache`). Two threads evaluating one compiled
/// expression therefore race on that store. It would be "benign" (same value) but it is still a
/// data race, so each evaluation borrows a compiled copy that no other thread is using from a
/// small pool; the pool grows to the number of concurrent evaluations and keeps at most
/// `maxPooledCopies`. Each evaluation also uses its own `xmlXPathContext` (see `XPathEvaluator`),
/// which libxml2 requires. Namespace prefixes are bound when the expression is compiled, so an
/// undeclared prefix is an error at load time, not at delivery time.
public final class XPathExpression: Sendable {
    /// Copies kept for reuse; more concurrent evaluations than this compile a spare copy each.
    static let maxPooledCopies = 8
    /// Longer expressions are refused: mappings hold short paths, and this bounds the compiler.
    public static let maxSourceLength = 4096

    /// The expression as written.
    public let source: String
    /// The prefixes the expression may use, and the namespaces they stand for.
    public let namespaces: [String: String]
    private let pool: Mutex<[CompiledXPath]>

    /// Compiles `source`, whose prefixes must all be declared in `namespaces`.
    public init(_ source: String, namespaces: [String: String] = [:]) throws {
        _ = LibXML2.initialized
        guard source.utf8.count <= Self.maxSourceLength else {
            throw XMLError(
                .invalidXPath, "XPath longer than \(Self.maxSourceLength) bytes: '\(source.prefix(60))...'")
        }
        guard !source.utf8.contains(0) else {
            throw XMLError(.invalidXPath, "XPath contains a NUL character")
        }
        for (prefix, uri) in namespaces {
            guard XMLCharacters.isNCName(prefix), prefix != "xml", prefix != "xmlns" else {
                throw XMLError(.invalidXPath, "'\(prefix)' cannot be declared as a namespace prefix for XPath '\(source)'")
            }
            guard !uri.isEmpty, !uri.utf8.contains(0) else {
                throw XMLError(.invalidXPath, "prefix '\(prefix)' is declared with an empty namespace for XPath '\(source)'")
            }
        }
        let compiled = try Self.compile(source, namespaces: namespaces)
        if let (name, offset) = XPathFunctionCheck.firstUnknownFunction(in: source) {
            xmlXPathFreeCompExpr(compiled.pointer)
            throw XMLError(
                .invalidXPath,
                "unknown function '\(name)()' in XPath '\(source)' at character \(offset + 1) (XPath 1.0 core functions only)")
        }
        self.source = source
        self.namespaces = namespaces
        self.pool = Mutex([compiled])
    }

    deinit {
        pool.withLock { copies in
            for copy in copies { xmlXPathFreeCompExpr(copy.pointer) }
            copies.removeAll()
        }
    }

    /// Runs `body` with a compiled copy that no other thread uses meanwhile.
    func withCompiled<Result>(_ body: (xmlXPathCompExprPtr) throws -> Result) throws -> Result {
        let borrowed = try pool.withLock { $0.popLast() } ?? Self.compile(source, namespaces: namespaces)
        defer {
            let surplus: CompiledXPath? = pool.withLock { copies in
                guard copies.count < Self.maxPooledCopies else { return borrowed }
                copies.append(borrowed)
                return nil
            }
            if let surplus { xmlXPathFreeCompExpr(surplus.pointer) }
        }
        return try body(borrowed.pointer)
    }

    private static func compile(_ source: String, namespaces: [String: String]) throws -> CompiledXPath {
        // A context only for compiling: it carries the error callback (without one libxml2 prints
        // compile errors through its global handler), the prefixes and the strictness flags.
        guard let context = xmlXPathNewContext(nil) else {
            throw XMLError(.libxml2Failure, "libxml2 could not create an XPath context")
        }
        defer { xmlXPathFreeContext(context) }
        context.pointee.error = { _, _ in }
        // CHECKNS: an undeclared prefix fails compilation; NOVAR: `$name` fails compilation.
        context.pointee.flags = XML_XPATH_CHECKNS | XML_XPATH_NOVAR
        try XPathEvaluator.register(namespaces, in: context, source: source)
        let compiled = LibXML2.withXMLString(source) { xmlXPathCtxtCompile(context, $0) }
        guard let compiled else {
            throw XMLError.xpath(.invalidXPath, context.pointee.lastError, source: source)
        }
        return CompiledXPath(pointer: compiled)
    }
}
