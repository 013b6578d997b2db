import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// URLSession's delegate for one connector: collects each task's answer up to the size cap, refuses
/// redirects, notes when the request was handed over (for the connect timeout) and resumes the waiting
/// `send` exactly once.
///
/// Delegate callbacks come on URLSession's queue while `send`s and their watchdogs run elsewhere, so
/// every task's state sits behind one mutex, keyed by task identifier.
final class PartnerSessionDelegate: NSObject, URLSessionDataDelegate, Sendable {
    private struct Pending {
        var continuation: CheckedContinuation<PartnerExchange, Never>
        var response: HTTPURLResponse?
        var body: [UInt8] = []
        var bodyTruncated = false
        var handedOver = false
        var timeout: PartnerExchange.Timeout?
        var cancelled = false
    }

    private let pending = Mutex<[Int: Pending]>([:])
    let maxResponseBytes: Int

    init(maxResponseBytes: Int) {
        self.maxResponseBytes = maxResponseBytes
    }

    /// Registers `task` before it is resumed, so that no callback can come before its state exists.
    func register(_ task: URLSessionTask, continuation: CheckedContinuation<PartnerExchange, Never>) {
        pending.withLock { $0[task.taskIdentifier] = Pending(continuation: continuation) }
    }

    /// Marks `task` as timed out unless it finished (or, for `.connect`, was handed over) first;
    /// true when the caller should now cancel it.
    func markTimedOut(_ task: URLSessionTask, _ timeout: PartnerExchange.Timeout) -> Bool {
        pending.withLock { all in
            guard var state = all[task.taskIdentifier], state.timeout == nil, !state.cancelled else { return false }
            if timeout == .connect, state.handedOver { return false }
            state.timeout = timeout
            all[task.taskIdentifier] = state
            return true
        }
    }

    /// Marks `task` as cancelled by the caller.
    func markCancelled(_ task: URLSessionTask) {
        pending.withLock { all in all[task.taskIdentifier]?.cancelled = true }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didSendBodyData bytesSent: Int64, totalBytesSent: Int64,
        totalBytesExpectedToSend: Int64
    ) {
        pending.withLock { all in all[task.taskIdentifier]?.handedOver = true }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        // Never follow: a moved endpoint must be fixed in the connector file, and following a redirect
        // could send a citizen's case (and our credentials) to another host. The 3xx becomes the answer.
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        pending.withLock { all in
            all[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse
            all[dataTask.taskIdentifier]?.handedOver = true
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overflow = pending.withLock { all -> Bool in
            guard var state = all[dataTask.taskIdentifier], !state.bodyTruncated else { return false }
            // Move the state out while appending so the body buffer is not copied on write.
            all[dataTask.taskIdentifier] = nil
            let room = maxResponseBytes - state.body.count
            state.handedOver = true
            if data.count > room {
                state.body.append(contentsOf: data.prefix(room))
                state.bodyTruncated = true
            } else {
                state.body.append(contentsOf: data)
            }
            all[dataTask.taskIdentifier] = state
            return state.bodyTruncated
        }
        // The status is already known; the rest of an oversized answer is not worth reading.
        if overflow { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let state = pending.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
        state.continuation.resume(returning: Self.exchange(state, error: error))
    }

    private static func exchange(_ state: Pending, error: (any Error)?) -> PartnerExchange {
        if let timeout = state.timeout { return .timedOut(timeout) }
        if state.cancelled { return .cancelled }
        if let response = state.response, error == nil || state.bodyTruncated {
            var headers: [String: String] = [:]
            for (name, value) in response.allHeaderFields {
                if let name = name as? String, let value = value as? String { headers[name] = value }
            }
            return .answered(
                PartnerAnswer(
                    status: response.statusCode, headers: headers, body: state.body, bodyTruncated: state.bodyTruncated))
        }
        if let error = error as? URLError { return .failed(error) }
        return .failed(URLError(.unknown))
    }
}
