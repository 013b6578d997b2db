/// One `caseway` command: its name, what it does, its flags and what runs it.
struct CommandSpec: Sendable {
    var name: String
    var synopsis: String
    var summary: String
    var details: String
    var flags: [Flag]
    var maxPositionals: Int
    var run: @Sendable (ParsedArguments) async -> Int32

    /// The text `caseway help NAME` and `caseway NAME --help` print.
    var helpText: String {
        var text = "usage: caseway \(synopsis)\n\n\(summary)\n"
        if !details.isEmpty { text += "\n\(details)\n" }
        let shown = flags + [Flag.toggle("help", "show this help")]
        text += "\noptions:\n"
        let labels = shown.map { flag in "--\(flag.name)" + (flag.valueName.map { " \($0)" } ?? "") }
        let width = labels.map(\.count).max() ?? 0
        for (label, flag) in zip(labels, shown) {
            text += "  " + label + String(repeating: " ", count: width - label.count + 2) + flag.summary + "\n"
        }
        return text
    }
}

