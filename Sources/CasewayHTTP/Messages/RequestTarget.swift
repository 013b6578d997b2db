/// The forms of a request-target (RFC 9112 §3.2) reduced to a path and a query.
enum RequestTarget {
    /// Splits origin-form (`/a/b?q`) or absolute-form (`http://host/a/b?q`, §3.2.2) into path and query;
    /// any other text (such as `*`) is returned as the path.
    static func split(_ target: String) -> (path: String, query: Substring?) {
        let utf8 = target.utf8
        var pathStart = utf8.startIndex
        if utf8.first != ASCII.slash, let schemeEnd = schemeSeparatorEnd(utf8) {
            // absolute-form: a server MUST accept it (§3.2.2); the authority is not used for routing.
            guard let slash = utf8[schemeEnd...].firstIndex(where: { $0 == ASCII.slash || $0 == ASCII.question }) else {
                return ("/", nil)
            }
            pathStart = slash
        }
        let rest = target[pathStart...]
        guard let question = rest.utf8.firstIndex(of: ASCII.question) else { return (String(rest), nil) }
        let path = rest[..<question]
        return (path.isEmpty ? "/" : String(path), rest[rest.index(after: question)...])
    }

    /// The index just after `://` when the text starts with `scheme://`.
    private static func schemeSeparatorEnd(_ utf8: String.UTF8View) -> String.UTF8View.Index? {
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == ASCII.colon {
                let rest = utf8[utf8.index(after: index)...]
                guard rest.starts(with: "//".utf8) else { return nil }
                return utf8.index(index, offsetBy: 3)
            }
            let isSchemeCharacter = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard isSchemeCharacter else { return nil }
            index = utf8.index(after: index)
        }
        return nil
    }
}
