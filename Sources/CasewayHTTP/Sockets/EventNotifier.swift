import CEpoll
import Glibc

/// An eventfd that other threads write to wake the event loop out of `epoll_wait`.
struct EventNotifier: Sendable {
    let descriptor: Int32

    /// Creates a non-blocking, close-on-exec eventfd.
    static func make() throws(SocketError) -> EventNotifier {
        let descriptor = cepoll_eventfd()
        guard descriptor >= 0 else { throw .last("eventfd") }
        return EventNotifier(descriptor: descriptor)
    }

    /// Wakes the loop. A full counter (EAGAIN) already means a wake-up is pending, so it is not an error.
    func signal() throws(SocketError) {
        var one: UInt64 = 1
        while Glibc.write(descriptor, &one, MemoryLayout<UInt64>.size) < 0 {
            switch errno {
            case EINTR: continue
            case EAGAIN: return
            default: throw .last("write(eventfd)")
            }
        }
    }

    /// Resets the counter after a wake-up.
    func drain() throws(SocketError) {
        var value: UInt64 = 0
        while Glibc.read(descriptor, &value, MemoryLayout<UInt64>.size) < 0 {
            switch errno {
            case EINTR: continue
            case EAGAIN: return
            default: throw .last("read(eventfd)")
            }
        }
    }

    /// Closes the eventfd.
    func close() {
        _ = Glibc.close(descriptor)
    }
}
