/// One field a run could not fill: `Enquiry/Easting: "abc" is not a number (from $.location.lat)`.
public struct MappingProblem: Sendable, Hashable, CustomStringConvertible {
    /// The output field's target path, or `input` when the document itself is at fault.
    public var target: String
    /// What is wrong, as a sentence about the value.
    public var message: String
    /// The source the value came from (a path, `constant`), or nil.
    public var source: String?

    /// A problem about `target`.
    public init(target: String, message: String, source: String? = nil) {
        self.target = target
        self.message = message
        self.source = source
    }

    /// `target: message (from source)`.
    public var description: String {
        "\(target): \(message)" + (source.map { " (from \($0))" } ?? "")
    }
}
