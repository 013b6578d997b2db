/// Where a page of the dead-letter list ended: the last dead letter's `updated_at` and id.
///
/// The list is ordered by (updated_at, id) and a page starts strictly after its cursor, so paging is
/// stable while new dead letters arrive: they sort after every cursor handed out before them. The
/// text form is opaque to clients; only `init?(_:)` reads it.
public struct DeadLetterCursor: Sendable, Hashable, CustomStringConvertible {
    /// The `updated_at` of the last dead letter of the page.
    public var updatedAt: Timestamp
    /// The id of the last dead letter of the page.
    public var id: RecordID

    /// A cursor after `delivery`.
    public init(after delivery: DeliveryRecord) {
        self.updatedAt = delivery.updatedAt
        self.id = delivery.id
    }

    /// Reads the text form `description` writes; nil for anything else.
    public init?(_ text: String) {
        guard let dot = text.firstIndex(of: "."),
              let milliseconds = Int64(text[..<dot]), milliseconds >= 0,
              let id = RecordID(String(text[text.index(after: dot)...]))
        else { return nil }
        self.updatedAt = Timestamp(millisecondsSinceEpoch: milliseconds)
        self.id = id
    }

    /// The text form handed to clients as `next_cursor`.
    public var description: String { "\(updatedAt.millisecondsSinceEpoch).\(id.text)" }
}
