import CasewayHTTP

/// The query of `GET /v1/updates`, checked: every value at fault is named.
struct UpdateFeedQuery {
    static let parameters = ["since", "limit"]

    var since = UpdateFeedCursor.start
    var limit = UpdateFeed.defaultLimit

    /// Reads `query`; the errors name the parameter at fault.
    static func parse(_ query: HTTPQuery) -> Result<UpdateFeedQuery, InvalidFields> {
        var parsed = UpdateFeedQuery()
        var errors: [FieldError] = []
        for item in query.items where !parameters.contains(item.name) {
            // A misspelt `since` would otherwise restart the poller from the beginning without a word.
            errors.append(FieldError(field: item.name, message: "unknown parameter; known: \(parameters.joined(separator: ", "))"))
        }
        if let since = query["since"] {
            if let cursor = UpdateFeedCursor(since) {
                parsed.since = cursor
            } else {
                errors.append(FieldError(
                    field: "since", message: "\"\(since.prefix(64))\" is not a cursor this hub handed out (send next_cursor as given)"))
            }
        }
        if let limit = query["limit"] {
            if let value = Int(limit), (1...UpdateFeed.maxLimit).contains(value) {
                parsed.limit = value
            } else {
                errors.append(FieldError(field: "limit", message: "must be a whole number from 1 to \(UpdateFeed.maxLimit)"))
            }
        }
        return errors.isEmpty ? .success(parsed) : .failure(InvalidFields(errors: errors))
    }
}
