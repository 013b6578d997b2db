import CasewayStore

/// A stored case whose body can no longer be parsed (for example after a lower nesting limit).
public struct CaseDocumentError: Error, Sendable, CustomStringConvertible {
    public var caseID: RecordID
    public var message: String

    public var description: String { "case \(caseID): \(message)" }
}
