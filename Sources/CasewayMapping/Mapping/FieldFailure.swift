/// Why one value could not be produced; the engine adds the field's target and source.
struct FieldFailure: Error {
    var message: String
    /// The source at fault, when it is not the field's own (one of several combined sources).
    var source: String?
    /// Which value of a combined source was at fault (latitude is 0 for `easting`), so the message names its path.
    var argumentIndex: Int?

    init(_ message: String, source: String? = nil, argumentIndex: Int? = nil) {
        self.message = message
        self.source = source
        self.argumentIndex = argumentIndex
    }

    init(_ error: TransformError) {
        message = error.description
    }
}
