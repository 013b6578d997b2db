import CLibXML2

/// The one place that talks to libxml2's process-wide state and converts its strings.
///
/// libxml2 2.9.14 (Debian 12) is built with thread support: its "globals" (error handlers, indent
/// settings, allocator hooks) are per thread, and `xmlInitParser` must run once before any other
/// call and is not safe to race. Caseway never changes any of those globals; every entry point of
/// this module touches `LibXML2.initialized` first, which Swift runs exactly once, thread-safely.
enum LibXML2 {
    static let initialized: Void = { xmlInitParser() }()

    /// A Swift string from a libxml2 UTF-8 C string (nil stays nil).
    static func string(_ characters: UnsafePointer<xmlChar>?) -> String? {
        guard let characters else { return nil }
        return String(cString: characters)
    }

    /// A Swift string from a libxml2 string that the caller owns, freeing it.
    static func consume(_ characters: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let characters else { return nil }
        defer { caseway_xml_free(characters) }
        return String(cString: characters)
    }

    /// Runs `body` with `text` as a NUL-terminated libxml2 string, without copying native strings.
    ///
    /// Callers must have rejected NUL characters first: libxml2 would stop at the first one.
    static func withXMLString<Result>(
        _ text: String,
        _ body: (UnsafePointer<xmlChar>) throws -> Result
    ) rethrows -> Result {
        try text.withCString { characters in
            // CChar and xmlChar (UInt8) differ only in signedness, which Swift allows to alias.
            try body(UnsafeRawPointer(characters).assumingMemoryBound(to: xmlChar.self))
        }
    }

    /// Like `withXMLString`, for an optional string (nil becomes a NULL pointer).
    static func withOptionalXMLString<Result>(
        _ text: String?,
        _ body: (UnsafePointer<xmlChar>?) throws -> Result
    ) rethrows -> Result {
        guard let text else { return try body(nil) }
        return try withXMLString(text) { try body($0) }
    }

    /// Whether two libxml2 strings are equal (both NULL counts as equal).
    static func equal(_ lhs: UnsafePointer<xmlChar>?, _ rhs: UnsafePointer<xmlChar>?) -> Bool {
        xmlStrEqual(lhs, rhs) != 0
    }
}
