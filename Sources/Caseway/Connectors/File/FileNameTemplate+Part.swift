import CasewayMapping

extension FileNameTemplate {
    /// One piece of a template: literal text or a placeholder.
    enum Part: Sendable {
        case literal(String)
        case caseID
        case deliveryID
        case senderReference
        case client
        case date(DateTimePattern)
        case field(CaseField)

        /// Whether the part names the delivery or its case, so the whole name does.
        var identifiesDelivery: Bool {
            switch self {
            case .caseID, .deliveryID: true
            default: false
            }
        }
    }
}
