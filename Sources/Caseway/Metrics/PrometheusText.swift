import Foundation

/// Builds a page in the Prometheus text exposition format (version 0.0.4): for each metric family a
/// `# HELP` and a `# TYPE` line, then one line per sample, `name{label="value",…} number`.
struct PrometheusText {
    /// The media type a scraper expects for this format.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private(set) var text = ""

    /// Starts a family; its samples follow with `sample`.
    mutating func family(_ name: String, _ type: MetricType, _ help: String) {
        text += "# HELP \(name) \(Self.escapeHelp(help))\n# TYPE \(name) \(type.rawValue)\n"
    }

    /// One sample of the current family.
    mutating func sample(_ name: String, _ labels: KeyValuePairs<String, String> = [:], _ value: Int) {
        sample(name, labels, String(value))
    }

    /// One sample whose value is already written (a fraction, say).
    mutating func sample(_ name: String, _ labels: KeyValuePairs<String, String>, _ value: String) {
        text += name
        if !labels.isEmpty {
            text += "{" + labels.map { "\($0.key)=\"\(Self.escapeLabel($0.value))\"" }.joined(separator: ",") + "}"
        }
        text += " " + value + "\n"
    }

    /// A family with a single sample without labels.
    mutating func single(_ name: String, _ type: MetricType, _ help: String, _ value: Int) {
        family(name, type, help)
        sample(name, [:], value)
    }

    /// The format's escapes for a label value: backslash, double quote and line feed.
    static func escapeLabel(_ value: String) -> String {
        guard value.contains(where: { $0 == "\\" || $0 == "\"" || $0 == "\n" }) else { return value }
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// The format's escapes for help text: backslash and line feed.
    static func escapeHelp(_ help: String) -> String {
        help.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }
}
