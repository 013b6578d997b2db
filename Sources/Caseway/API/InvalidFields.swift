/// The fields of a request at fault, each named, for one problem+json answer listing all of them.
struct InvalidFields: Error {
    var errors: [FieldError]
}
