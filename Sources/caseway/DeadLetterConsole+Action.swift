import CasewayStore

extension DeadLetterConsole {
    /// One `caseway dlq` action with its arguments checked.
    enum Action {
        case list(DeadLetterFilter, DeadLetterCursor?, limit: Int)
        case show(RecordID)
        case replayIDs([RecordID])
        case replayConnector(String)
        case discard(RecordID)

        static func parse(_ arguments: ParsedArguments) throws(UsageError) -> Action {
            guard let name = arguments.positionals.first else {
                throw UsageError("missing action: one of \(actions.joined(separator: ", "))")
            }
            guard let allowed = actionFlags[name] else {
                throw UsageError("unknown action \"\(name)\"; one of \(actions.joined(separator: ", "))")
            }
            let given = Set(arguments.values.keys).subtracting(["config", "data"])
            if let extra = given.subtracting(allowed).sorted().first {
                throw UsageError("--\(extra) does not apply to dlq \(name)")
            }
            let words = Array(arguments.positionals.dropFirst())
            switch name {
            case "list":
                guard words.isEmpty else { throw UsageError("dlq list takes no ids (use --case ID for a case's)") }
                return try list(arguments.values)
            case "show", "discard":
                guard words.count == 1 else { throw UsageError("dlq \(name) takes one dead-letter id") }
                let id = try recordID(words[0])
                return name == "show" ? .show(id) : .discard(id)
            default:
                if let connector = arguments.values["connector"] {
                    guard words.isEmpty else { throw UsageError("dlq replay takes ids or --connector NAME, not both") }
                    guard !connector.isEmpty else { throw UsageError("--connector needs a connector's name") }
                    return .replayConnector(connector)
                }
                guard !words.isEmpty else { throw UsageError("dlq replay needs dead-letter ids or --connector NAME") }
                return .replayIDs(try words.map { (word) throws(UsageError) in try recordID(word) })
            }
        }

        private static func list(_ values: [String: String]) throws(UsageError) -> Action {
            var filter = DeadLetterFilter()
            if let connector = values["connector"] {
                guard !connector.isEmpty else { throw UsageError("--connector needs a connector's name") }
                filter.connector = connector
            }
            if let reason = values["reason"] {
                guard let known = DeadLetterReason(rawValue: reason) else {
                    throw UsageError("--reason \(reason): one of \(DeadLetterReason.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                filter.reason = known
            }
            if let caseText = values["case"] {
                guard let id = RecordID(caseText) else { throw UsageError("--case \(caseText): not a case id") }
                filter.caseID = id
            }
            var limit = 100
            if let text = values["limit"] {
                guard let value = Int(text), (1...500).contains(value) else { throw UsageError("--limit \(text): a number from 1 to 500") }
                limit = value
            }
            var cursor: DeadLetterCursor?
            if let text = values["cursor"] {
                guard let value = DeadLetterCursor(text) else { throw UsageError("--cursor \(text): not a cursor dlq list printed") }
                cursor = value
            }
            return .list(filter, cursor, limit: limit)
        }

        private static func recordID(_ text: String) throws(UsageError) -> RecordID {
            guard let id = RecordID(text) else { throw UsageError("\"\(text)\" is not a dead-letter id") }
            return id
        }
    }
}
