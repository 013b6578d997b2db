/// Small text transforms a mapping chains together. Lengths and widths count `Character`s, what a person sees as
/// one letter (`é`, `👩‍👩‍👧`), never bytes or code units, so nothing is cut in the middle of a letter.
public enum TextTransforms {
    /// Removes white space and line breaks (any Unicode kind, including no-break spaces) from both ends.
    public static func trim(_ text: some StringProtocol) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    /// Capitals by Unicode's rules, the same in every locale (`straße` → `STRASSE`; no Turkish dotless i).
    public static func uppercase(_ text: some StringProtocol) -> String {
        text.uppercased()
    }

    /// Lower case by Unicode's rules, the same in every locale.
    public static func lowercase(_ text: some StringProtocol) -> String {
        text.lowercased()
    }

    /// The first `length` characters (all of `text` when it is shorter; nothing when `length` is not positive).
    public static func truncate(_ text: some StringProtocol, toLength length: Int) -> String {
        String(text.prefix(max(0, length)))
    }

    /// Puts `padding` before `text` until it is `width` characters long (`42` → `00042`); longer text is
    /// returned unchanged, so truncate first for a fixed-width field.
    public static func padStart(_ text: some StringProtocol, toWidth width: Int, with padding: Character = " ") -> String {
        let missing = width - text.count
        guard missing > 0 else { return String(text) }
        return String(repeating: padding, count: missing) + text
    }

    /// Puts `padding` after `text` until it is `width` characters long; longer text is returned unchanged.
    public static func padEnd(_ text: some StringProtocol, toWidth width: Int, with padding: Character = " ") -> String {
        let missing = width - text.count
        guard missing > 0 else { return String(text) }
        return text + String(repeating: padding, count: missing)
    }

    /// Exactly `width` characters: cut when longer, padded after when shorter (a legacy fixed-width field).
    public static func fixedWidth(_ text: some StringProtocol, width: Int, with padding: Character = " ") -> String {
        padEnd(truncate(text, toLength: width), toWidth: width, with: padding)
    }

    /// Splits at every occurrence of `separator`, keeping empty pieces unless asked not to (`a,,b` → `a`, ``, `b`).
    /// An empty separator does not split.
    public static func split(_ text: some StringProtocol, separator: String, omittingEmpty: Bool = false) -> [String] {
        guard !separator.isEmpty else { return omittingEmpty && text.isEmpty ? [] : [String(text)] }
        var pieces: [String] = []
        var rest = Substring(text)
        while let range = rest.firstRange(of: separator) {
            pieces.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        pieces.append(String(rest))
        return omittingEmpty ? pieces.filter { !$0.isEmpty } : pieces
    }

    /// Joins pieces with `separator` between them.
    public static func join(_ pieces: some Sequence<some StringProtocol>, separator: String) -> String {
        pieces.map { String($0) }.joined(separator: separator)
    }
}
