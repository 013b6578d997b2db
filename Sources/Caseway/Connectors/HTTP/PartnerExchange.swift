import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// How one request to a partner ended, before it is judged.
enum PartnerExchange: Sendable {
    /// Why the transport gave up waiting.
    enum Timeout: Sendable {
        /// The request was not handed over within `timeouts.connect`.
        case connect
        /// The whole exchange took longer than `timeouts.total`.
        case total
    }

    /// The partner answered with a final status (the body may be cut at the cap).
    case answered(PartnerAnswer)
    /// No answer: URLSession's error (refused, DNS, reset, TLS).
    case failed(URLError)
    /// No answer in time.
    case timedOut(Timeout)
    /// The delivery worker cancelled the send (the hub is stopping).
    case cancelled
}
