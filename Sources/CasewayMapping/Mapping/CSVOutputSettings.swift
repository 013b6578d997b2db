/// How CSV output is framed: header row, delimiter, line ends, and one row per item or one row.
struct CSVOutputSettings: Sendable {
    var writer: CSVWriter
    var header: Bool
    /// One row per item this selects; nil for one row per document.
    var rows: ValueSource?

    static let standard: CSVOutputSettings = {
        do {
            return CSVOutputSettings(writer: try CSVWriter(), header: true, rows: nil)
        } catch {
            preconditionFailure("the default CSV writer is valid")
        }
    }()
}
