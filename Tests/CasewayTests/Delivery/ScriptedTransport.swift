import Synchronization

@testable import Caseway

/// A transport that answers by script, in-process: result number n for the n-th send (the last one
/// repeats), and remembers every parcel it was given.
final class ScriptedTransport: DeliveryTransport {
    private let script: [DeliveryResult]
    private let sent = Mutex<[Parcel]>([])

    init(_ script: [DeliveryResult]) {
        self.script = script
    }

    var parcels: [Parcel] { sent.withLock { $0 } }

    /// Scripted references stand for a partner's answer, as an HTTP partner's would.
    var answersWithItsOwnReference: Bool { true }

    func send(_ parcel: Parcel) async -> DeliveryResult {
        let index = sent.withLock { sent in
            sent.append(parcel)
            return sent.count - 1
        }
        return script.isEmpty ? .delivered(reference: nil, httpStatus: nil) : script[min(index, script.count - 1)]
    }
}
