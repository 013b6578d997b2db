import CasewayStore

/// Why an update was refused; nothing was stored for it.
public enum UpdateIntakeError: Error, Sendable, Equatable {
    /// The body is neither JSON nor XML the client's update mapping reads, or not UTF-8 (415).
    case unsupportedMediaType(String)
    /// The body is not well-formed JSON or XML (400, with the line and column).
    case malformed(String)
    /// Well-formed XML that the client's update mapping (named) could not map: each field it could not fill (422).
    case unmappable(mapping: String, [FieldError])
    /// Fields are missing, of the wrong type, too long or unknown (400, each one named).
    case invalid([FieldError])
    /// Every field is well-formed but `status` is not a word of the vocabulary (422, listing the allowed ones); the fields at fault.
    case unknownStatus([FieldError])
    /// No case has this id (404).
    case unknownCase(RecordID)
    /// This client sent this `update_id` before with a different body or for another case (409); the first update.
    case updateIDReused(UpdateRecord)
    /// The store could not take the update (503); the reason is for the log, not the client.
    case storeUnavailable(String)
}
