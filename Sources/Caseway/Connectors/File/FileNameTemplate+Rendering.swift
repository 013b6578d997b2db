import CasewayMapping
import CasewayStore

extension FileNameTemplate {
    /// The name (without extension) for one delivery: every placeholder's value sanitised, at most `byteLimit`
    /// bytes in all.
    ///
    /// Ids and literal text are never cut, so two deliveries never share a name however long the other
    /// values are; those share what is left, first come first served. `document` is needed only when
    /// `readsCaseFields`; a field it does not have (or a missing document) renders as nothing.
    func render(
        deliveryID: RecordID, caseRecord: CaseRecord, now: Timestamp, zone: TimeZoneRules, document: CaseDocument?,
        byteLimit: Int
    ) -> String {
        var remaining = max(0, byteLimit - fixedByteCount)
        var name = ""
        for part in parts {
            let value: String
            switch part {
            case .literal(let text):
                name += text
                continue
            case .caseID:
                name += FileNameSanitiser.sanitise(caseRecord.id.text)
                continue
            case .deliveryID:
                name += FileNameSanitiser.sanitise(deliveryID.text)
                continue
            case .senderReference: value = caseRecord.senderReference ?? ""
            case .client: value = caseRecord.client
            case .date(let pattern): value = pattern.format(Self.instant(now), in: zone)
            case .field(let field): value = document.flatMap { field.values(in: $0).first } ?? ""
            }
            let safe = FileNameSanitiser.sanitise(value, limit: min(FileNameSanitiser.valueByteLimit, remaining))
            remaining -= safe.utf8.count
            name += safe
        }
        return name
    }

    private static func instant(_ timestamp: Timestamp) -> Instant {
        let milliseconds = timestamp.millisecondsSinceEpoch
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let remainder = milliseconds - seconds * 1000
        return Instant(secondsSince1970: Int(seconds), nanoseconds: Int(remainder) * 1_000_000)
    }
}
