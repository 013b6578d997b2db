/// What a queue consumer is handed with a message and gives back to ack, release or reject it:
/// the delivery's id and a random token that identifies this one receive.
///
/// The delivery id makes the settle a primary-key lookup; the token makes a receipt from an earlier
/// receive of the same message stale, and cannot be guessed by another client.
public struct QueueReceipt: Sendable, Hashable, CustomStringConvertible {
    /// The delivery the message is.
    public var deliveryID: RecordID
    /// 32 lower-case hex digits, fresh for each receive.
    public var token: String

    public init(deliveryID: RecordID, token: String) {
        self.deliveryID = deliveryID
        self.token = token
    }

    /// Reads `<delivery id>.<token>`; nil for anything else.
    ///
    /// Looks at the bytes once (no splitting into substrings): every ack and release reads up to a hundred.
    public init?(_ text: some StringProtocol) {
        let text = String(text)
        let bytes = text.utf8
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return nil }
        let tokenBytes = bytes[bytes.index(after: dot)...]
        guard tokenBytes.count == 32,
            tokenBytes.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) }),
            let id = RecordID(String(text[..<dot]))
        else { return nil }
        self.init(deliveryID: id, token: String(text[text.index(after: dot)...]))
    }

    /// `<delivery id>.<token>`, as the API shows it.
    public var description: String { "\(deliveryID.text).\(token)" }

    /// The delivery's `lease_owner` while `consumer` holds it under this receipt.
    static func leaseOwner(consumer: String, token: String) -> String { "queue:\(consumer):\(token)" }

    /// The receipt of a delivery leased by a queue consumer; nil when its lease is not a consumer's.
    init?(leased delivery: DeliveryRecord) {
        guard let owner = delivery.leaseOwner, owner.hasPrefix("queue:"), let colon = owner.lastIndex(of: ":") else { return nil }
        self.init(deliveryID: delivery.id, token: String(owner[owner.index(after: colon)...]))
    }
}
