/// Why one value could not be produced; the engine adds the field's target and source.
struct FieldFailure: Error {
    var message: String
    /// The source at fault, when it is not the field's own (one of several combined sources).
    var source: String?

    init(_ message: String, source: String? = nil) {
        self.message = message
        self.source = source
    }

    init(_ error: TransformError) {
        message = error.description
    }
}
