import CasewayMapping
import CasewayStore

extension QueueSettleRequest {
    /// The acks this request asks for, one per receipt of `receipts` (in order; nil where the text is not a
    /// receipt), each with the update it carries: the body's own update members, overridden member by member
    /// by those given with the receipt. Refused as a whole when any update is at fault, so nothing is acked
    /// with a status that was not recorded.
    func acknowledgements(_ receipts: [QueueReceipt?], check: UpdateCheck,
                          now: Timestamp) -> Result<[QueueAcknowledgement?], UpdateIntakeError> {
        var errors: [FieldError] = []
        var statusOnly = true
        var acknowledgements: [QueueAcknowledgement?] = []
        for (index, receipt) in receipts.enumerated() {
            let own = index < receiptMembers.count ? receiptMembers[index] : nil
            var merged = JSONObject()
            for name in UpdateCheck.acknowledgementFields {
                if let value = own?[name] ?? members[name] { merged[name] = value }
            }
            let updateID = receipt.map(QueueAcknowledgement.updateID) ?? "ack:"
            do {
                let update = try check.acknowledgement(merged, updateID: updateID, now: now) { name in
                    own?[name] != nil ? "receipts/\(index)/\(name)" : name
                }
                acknowledgements.append(receipt.map { QueueAcknowledgement(receipt: $0, update: update) })
            } catch {
                switch error {
                case .unknownStatus(let faults): errors += faults
                case .invalid(let faults):
                    errors += faults
                    statusOnly = false
                default:
                    errors.append(FieldError(field: "receipts/\(index)", message: "\(error)"))
                    statusOnly = false
                }
            }
        }
        // A fault in the body's own members repeats for every receipt: name it once.
        var seen: Set<FieldError> = []
        errors = errors.filter { seen.insert($0).inserted }
        guard errors.isEmpty else { return .failure(statusOnly ? .unknownStatus(errors) : .invalid(errors)) }
        return .success(acknowledgements)
    }
}
