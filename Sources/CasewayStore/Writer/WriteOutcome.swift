/// What one write's body did, and how to resume its caller once the batch has committed or failed.
struct WriteOutcome: Sendable {
    /// The error the body threw; nil when it returned.
    let bodyError: (any Error)?
    /// Whether the caller was promised the disk.
    let durability: WriteDurability
    /// Resumes the caller: with its value or its own error when `batchError` is nil, otherwise with that.
    let resume: @Sendable (_ batchError: (any Error)?) -> Void
}
