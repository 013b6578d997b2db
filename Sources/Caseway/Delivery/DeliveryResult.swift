/// How one send through a connector's transport ended.
public enum DeliveryResult: Sendable, Equatable {
    /// The far side confirmed it (file renamed into place and its folder synced; an HTTP success status).
    /// `reference` is the back office's own reference when it gave one.
    case delivered(reference: String?, httpStatus: Int?)
    /// It did not arrive; the failure says whether trying again can help.
    case failed(DeliveryFailure)
}
