/// A submission that passed every intake check: what it is, whose reference it carries, and its parsed
/// body, which routing reads so the body is parsed only once.
public struct CheckedSubmission: Sendable {
    public var mediaType: MediaType
    public var senderReference: String?
    public var document: CaseDocument
}
