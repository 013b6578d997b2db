/// A `--name VALUE` or `--name` option a command accepts.
struct Flag {
    var name: String
    /// Shown in help as `--name VALUE`; nil for a switch that takes no value.
    var valueName: String?
    var summary: String

    static func value(_ name: String, _ valueName: String, _ summary: String) -> Flag {
        Flag(name: name, valueName: valueName, summary: summary)
    }

    static func toggle(_ name: String, _ summary: String) -> Flag {
        Flag(name: name, valueName: nil, summary: summary)
    }
}
