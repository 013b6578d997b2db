/// A position in the update feed, as the opaque text a poller sends back in `since`.
///
/// The text is `u` and the last feed position seen; pollers must not build it, only echo it, so the hub may
/// change what it encodes later and keep accepting the old form.
public struct UpdateFeedCursor: Sendable, Hashable, CustomStringConvertible {
    /// The last feed position (`seq`) the poller has seen; 0 before the first update.
    public var seq: Int64

    public init(seq: Int64) {
        self.seq = seq
    }

    /// The start of the feed.
    public static let start = UpdateFeedCursor(seq: 0)

    /// Reads a cursor the hub gave out; nil when `text` is not one.
    public init?(_ text: String) {
        guard text.first == "u", text.count <= 20 else { return nil }
        let digits = text.dropFirst()
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let seq = Int64(digits) else { return nil }
        self.seq = seq
    }

    public var description: String { "u\(seq)" }
}
