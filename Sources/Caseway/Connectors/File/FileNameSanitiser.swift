/// Makes text from a case safe to use inside one file name, so that no input can write outside the drop folder
/// or produce a name a Windows share or back office cannot open.
///
/// Values are changed, never refused: refusing would turn a citizen's odd reference into an undeliverable case.
enum FileNameSanitiser {
    /// Longest a single placeholder's value may be, in UTF-8 bytes.
    static let valueByteLimit = 100
    /// Longest a whole file name may be (extension included), in UTF-8 bytes. File systems allow 255; the rest
    /// is room for the temporary name (`.<name>.tmp-<delivery id>`) and a marker suffix.
    static let nameByteLimit = 200
    /// A record id's canonical text (a UUID): always 36 ASCII bytes.
    static let recordIDByteCount = 36

    /// Device names Windows reserves in every folder, with or without an extension (`CON`, `con.txt`).
    static let reservedNames: Set<String> = {
        var names: Set<String> = ["CON", "PRN", "AUX", "NUL"]
        for digit in 1...9 {
            names.insert("COM\(digit)")
            names.insert("LPT\(digit)")
        }
        return names
    }()

    /// `value` made safe and cut to at most `limit` bytes on a UTF-8 boundary. Empty stays empty.
    static func sanitise(_ value: String, limit: Int = valueByteLimit) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            scalars.append(isForbidden(scalar) ? "_" : scalar)
        }
        var text = String(scalars)
        // A separator is gone, but a value of ".." or ".hidden" would still be a special or hidden name
        // when it starts the file name; and ".." anywhere reads as an escape attempt to anyone auditing.
        text = text.replacingOccurrences(of: "..", with: "__")
        if text.hasPrefix(".") { text = "_" + text.dropFirst() }
        if isReserved(text) { text = "_" + text }
        return cut(text, toBytes: limit)
    }

    /// The whole name checked once more: no leading dot, not a reserved device name, never empty, not too long.
    static func finish(_ name: String) -> String {
        var text = name
        if text.isEmpty { return "_" }
        if text.hasPrefix(".") { text = "_" + text.dropFirst() }
        if isReserved(text) { text = "_" + text }
        return cut(text, toBytes: nameByteLimit)
    }

    /// Why literal text of a template cannot go into a file name, or nil when it can.
    static func literalProblem(_ text: String) -> String? {
        if let bad = text.unicodeScalars.first(where: isForbidden) {
            let shown = bad.value < 0x20 || bad.value == 0x7F ? "a control character" : "\"\(bad)\""
            return "contains \(shown), which cannot be part of a file name"
        }
        if text.contains("..") { return "contains \"..\", which cannot be part of a file name" }
        return nil
    }

    /// Whether `text` (without or with an extension) is a Windows device name, in any case.
    static func isReserved(_ text: String) -> Bool {
        let stem = text.prefix { $0 != "." }
        return reservedNames.contains(stem.uppercased())
    }

    /// Separators, NUL, control characters (C0, DEL, C1) and the characters Windows shares refuse in names.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F, 0x80..<0xA0: return true
        default: return "/\\<>:\"|?*".unicodeScalars.contains(scalar)
        }
    }

    /// The longest prefix of `text` of at most `limit` UTF-8 bytes that ends on a whole scalar.
    static func cut(_ text: String, toBytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var scalars = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let size = UTF8.width(scalar)
            guard used + size <= limit else { break }
            scalars.append(scalar)
            used += size
        }
        return String(scalars)
    }
}
