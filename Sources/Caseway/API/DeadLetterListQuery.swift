import CasewayHTTP
import CasewayStore

/// The query of `GET /v1/dead-letters`, checked: every value at fault is named.
struct DeadLetterListQuery {
    static let defaultLimit = 100
    static let maxLimit = 500
    static let parameters = ["connector", "reason", "case_id", "limit", "cursor"]

    var filter = DeadLetterFilter()
    var cursor: DeadLetterCursor?
    var limit = defaultLimit

    /// Reads `query`; the errors name the parameter at fault.
    static func parse(_ query: HTTPQuery) -> Result<DeadLetterListQuery, InvalidFields> {
        var parsed = DeadLetterListQuery()
        var errors: [FieldError] = []
        for item in query.items where !parameters.contains(item.name) {
            // A misspelt filter would otherwise list every dead letter as if it had matched.
            errors.append(FieldError(field: item.name, message: "unknown parameter; known: \(parameters.joined(separator: ", "))"))
        }
        if let connector = query["connector"] {
            if connector.isEmpty || connector.utf8.count > 200 {
                errors.append(FieldError(field: "connector", message: "must be a connector's name"))
            } else {
                parsed.filter.connector = connector
            }
        }
        if let reason = query["reason"] {
            if let known = DeadLetterReason(rawValue: reason) {
                parsed.filter.reason = known
            } else {
                let names = DeadLetterReason.allCases.map(\.rawValue).joined(separator: ", ")
                errors.append(FieldError(field: "reason", message: "\"\(reason.prefix(64))\" is not a reason; one of \(names)"))
            }
        }
        if let caseID = query["case_id"] {
            if let id = RecordID(caseID) {
                parsed.filter.caseID = id
            } else {
                errors.append(FieldError(field: "case_id", message: "\"\(caseID.prefix(64))\" is not a case id"))
            }
        }
        if let limit = query["limit"] {
            if let value = Int(limit), (1...maxLimit).contains(value) {
                parsed.limit = value
            } else {
                errors.append(FieldError(field: "limit", message: "must be a whole number from 1 to \(maxLimit)"))
            }
        }
        if let cursor = query["cursor"] {
            if let value = DeadLetterCursor(cursor) {
                parsed.cursor = value
            } else {
                errors.append(FieldError(field: "cursor", message: "not a cursor this hub handed out (use next_cursor as given)"))
            }
        }
        return errors.isEmpty ? .success(parsed) : .failure(InvalidFields(errors: errors))
    }
}
