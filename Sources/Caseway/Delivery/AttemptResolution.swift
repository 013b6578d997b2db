import CasewayStore

/// How an attempt ended, as the worker records it.
enum AttemptResolution: Sendable {
    case delivered(reference: String?, httpStatus: Int?)
    case retry(at: Timestamp, DeliveryFailure)
    case dead(DeadLetterReason, String, httpStatus: Int? = nil)

    var attemptOutcome: AttemptOutcome {
        switch self {
        case .delivered: .delivered
        case .retry: .retry
        case .dead: .dead
        }
    }

    var httpStatus: Int? {
        switch self {
        case .delivered(_, let status): status
        case .retry(_, let failure): failure.httpStatus
        case .dead(_, _, let status): status
        }
    }

    var error: String? {
        switch self {
        case .delivered: nil
        case .retry(_, let failure): failure.message
        case .dead(_, let message, _): message
        }
    }

    var reference: String? {
        if case .delivered(let reference, _) = self { return reference }
        return nil
    }
}
