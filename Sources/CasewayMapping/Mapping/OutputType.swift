/// How a JSON output field types its value.
enum OutputType: String, Sendable, CaseIterable {
    /// As the value is: numbers stay numbers, text stays text.
    case auto
    case string
    case number
    case boolean
}
