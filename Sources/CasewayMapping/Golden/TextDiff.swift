/// A line diff for people: what was expected (`-`) against what came (`+`), with a little context.
public enum TextDiff {
    /// Lines of both texts compared; nil when they are equal.
    public static func lines(expected: String, actual: String, context: Int = 2) -> String? {
        guard expected != actual else { return nil }
        let old = split(expected)
        let new = split(actual)
        // Longest common subsequence over lines; golden files are small, and a huge one falls back to
        // showing everything from the first difference on.
        guard old.count * new.count <= 4_000_000 else { return fallback(old, new) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [(mark: Character, line: String)] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                edits.append((" ", old[i])); i += 1; j += 1
            } else if i < old.count, j == new.count || table[i + 1][j] >= table[i][j + 1] {
                // Removals first, as diff(1) shows a changed line.
                edits.append(("-", old[i])); i += 1
            } else {
                edits.append(("+", new[j])); j += 1
            }
        }
        if !edits.contains(where: { $0.mark != " " }) {
            return "the texts differ only in line endings or a final newline"
        }
        var shown: [String] = []
        var lastShown = -1
        for (index, edit) in edits.enumerated() {
            let near = edits[max(0, index - context)...min(edits.count - 1, index + context)].contains { $0.mark != " " }
            guard near else { continue }
            if lastShown >= 0, index > lastShown + 1 { shown.append("  ...") }
            shown.append("\(edit.mark) \(visible(edit.line))")
            lastShown = index
        }
        return shown.joined(separator: "\n")
    }

    private static func split(_ text: String) -> [String] {
        // By bytes: in a String, "\r\n" is one Character and would not split at "\n".
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Makes a carriage return and trailing spaces visible, which otherwise make a diff look equal.
    private static func visible(_ line: String) -> String {
        var shown = line
        if shown.hasSuffix("\r") { shown = String(shown.dropLast()) + "␍" }
        if shown.last == " " { shown += "⎵" }
        return shown
    }

    private static func fallback(_ old: [String], _ new: [String]) -> String {
        let first = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        return "first difference at line \(first + 1)\n- \(old.dropFirst(first).prefix(5).joined(separator: "\n- "))\n+ \(new.dropFirst(first).prefix(5).joined(separator: "\n+ "))"
    }
}
