import CasewayMapping
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends an `http` connector's deliveries: one URLSession per connector (ephemeral: no cookies, no
/// cache, no redirects), safe for concurrent sends, every answer judged by `HTTPConnectorSettings.outcome`.
public final class HTTPTransport: DeliveryTransport {
    /// The most of an answer that is read: enough for any reference or fault, and a partner that
    /// streams without end cannot fill the hub's memory.
    public static let maxResponseBytes = 1024 * 1024

    public let connector: String
    public let settings: HTTPConnectorSettings
    private let session: URLSession
    private let delegate: PartnerSessionDelegate

    public init(connector: String, settings: HTTPConnectorSettings) {
        self.connector = connector
        self.settings = settings
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        // A backstop only, well behind the watchdog in `send` that enforces both timeouts: URLSession's
        // own timer is an idle timer that libcurl rounds, and on a loaded machine it could win the race.
        let backstop = Self.backstop(settings.timeouts)
        configuration.timeoutIntervalForRequest = backstop
        configuration.timeoutIntervalForResource = backstop
        delegate = PartnerSessionDelegate(maxResponseBytes: Self.maxResponseBytes)
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit {
        // The session holds its delegate strongly until invalidated.
        session.invalidateAndCancel()
    }

    /// The reference of a delivered parcel is the one the partner's answer gave (`reference` in the connector).
    public var answersWithItsOwnReference: Bool { true }

    public func send(_ parcel: Parcel) async -> DeliveryResult {
        let exchange = await perform(request(for: parcel))
        let head = "\(connector): \(settings.method.rawValue) \(settings.displayURL)"
        switch exchange {
        case .answered(let answer):
            return settings.outcome(of: answer, connector: connector)
        case .timedOut(.connect):
            return .failed(
                DeliveryFailure(.transient, "\(head) failed: could not connect within \(Self.text(settings.timeouts.connect)) (timeouts.connect)"))
        case .timedOut(.total):
            return .failed(
                DeliveryFailure(.transient, "\(head) failed: no answer within \(Self.text(settings.timeouts.total)) (timeouts.total)"))
        case .cancelled:
            return .failed(DeliveryFailure(.transient, "\(head) was cancelled (the hub is stopping)"))
        case .failed(let error):
            return .failed(Self.failure(error, head: head))
        }
    }

    /// The request for `parcel`: the connector's method, URL and headers, the SOAP framing, the
    /// delivery's `Idempotency-Key` so a re-delivery after a lost answer has one effect at the partner.
    func request(for parcel: Parcel) -> URLRequest {
        var request = URLRequest(url: settings.url)
        request.httpMethod = settings.method.rawValue
        request.httpBody = Data(parcel.body)
        request.timeoutInterval = Self.backstop(settings.timeouts)
        request.httpShouldHandleCookies = false
        request.setValue("caseway/\(CasewayVersion.current)", forHTTPHeaderField: "User-Agent")
        request.setValue(parcel.contentType, forHTTPHeaderField: "Content-Type")
        for header in settings.headers {
            request.setValue(header.value, forHTTPHeaderField: header.name)
        }
        if let soap = settings.soap {
            request.setValue(soap.version.contentType(action: soap.action), forHTTPHeaderField: "Content-Type")
            if soap.version == .soap11 {
                // SOAP 1.1 §6.1.1: the header is a quoted URI, and present (empty) even without an action.
                request.setValue("\"\(soap.action ?? "")\"", forHTTPHeaderField: "SOAPAction")
            }
        }
        if let authentication = settings.authentication {
            request.setValue(authentication.headerValue, forHTTPHeaderField: "Authorization")
        }
        request.setValue(parcel.deliveryID.text, forHTTPHeaderField: "Idempotency-Key")
        return request
    }

    private func perform(_ request: URLRequest) async -> PartnerExchange {
        let task = session.dataTask(with: request)
        let delegate = self.delegate
        let timeouts = settings.timeouts
        // URLSession has no connect timeout of its own and its request timeout is an idle timer, so a
        // watchdog enforces both: connect until the request is handed over, total for everything.
        let watchdog = Task {
            try await Task.sleep(for: timeouts.connect)
            if delegate.markTimedOut(task, .connect) {
                task.cancel()
                return
            }
            try await Task.sleep(for: timeouts.total - timeouts.connect)
            if delegate.markTimedOut(task, .total) { task.cancel() }
        }
        defer { watchdog.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                delegate.register(task, continuation: continuation)
                task.resume()
            }
        } onCancel: {
            delegate.markCancelled(task)
            task.cancel()
        }
    }

    private static func failure(_ error: URLError, head: String) -> DeliveryFailure {
        switch error.code {
        case .cannotConnectToHost:
            return DeliveryFailure(.transient, "\(head) failed: connection refused")
        case .cannotFindHost, .dnsLookupFailed:
            return DeliveryFailure(.transient, "\(head) failed: the host name could not be resolved")
        case .timedOut:
            return DeliveryFailure(.transient, "\(head) failed: timed out")
        case .networkConnectionLost:
            return DeliveryFailure(.transient, "\(head) failed: the connection closed before a complete answer")
        case .badServerResponse:
            // libcurl's "empty reply from server" lands here too: the partner closed without answering.
            return DeliveryFailure(.transient, "\(head) failed: no valid HTTP answer (the connection closed without one, or the partner sent something else)")
        case .notConnectedToInternet:
            return DeliveryFailure(.transient, "\(head) failed: the network is unreachable")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            // Retried: a partner's expired certificate is fixed on their side, and then deliveries resume.
            return DeliveryFailure(.transient, "\(head) failed: TLS handshake failed (\(error.localizedDescription))")
        case .badURL, .unsupportedURL:
            return DeliveryFailure(.permanent, "\(head) failed: the URL cannot be used (\(error.localizedDescription))")
        default:
            return DeliveryFailure(.transient, "\(head) failed: \(error.localizedDescription) (URLError \(error.code.rawValue))")
        }
    }

    private static func backstop(_ timeouts: HTTPTimeouts) -> TimeInterval {
        seconds(timeouts.total) * 2 + 10
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }

    private static func text(_ duration: Duration) -> String {
        DurationText.format(duration)
    }
}
