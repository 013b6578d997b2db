import CEpoll
import Glibc

/// An epoll instance: which descriptors the loop waits on, and for what.
struct EventPoll: Sendable {
    let descriptor: Int32

    /// Readiness flags, as epoll reports and takes them.
    struct Events: OptionSet, Sendable {
        let rawValue: UInt32
        static let readable = Events(rawValue: cepoll_in)
        static let writable = Events(rawValue: cepoll_out)
        static let error = Events(rawValue: cepoll_err)
        static let hangUp = Events(rawValue: cepoll_hup)
        static let readHangUp = Events(rawValue: cepoll_rdhup)
        /// Wake only one of several loops waiting on a shared listener.
        static let exclusive = Events(rawValue: cepoll_exclusive)
    }

    /// Creates an epoll instance (close-on-exec).
    static func make() throws(SocketError) -> EventPoll {
        let descriptor = cepoll_create()
        guard descriptor >= 0 else { throw .last("epoll_create1") }
        return EventPoll(descriptor: descriptor)
    }

    /// Starts watching `fd` for `events`.
    func add(_ fd: Int32, events: Events) throws(SocketError) {
        guard cepoll_ctl(descriptor, cepoll_ctl_add, fd, events.rawValue) == 0 else { throw .last("epoll_ctl(ADD)") }
    }

    /// Changes what `fd` is watched for.
    func modify(_ fd: Int32, events: Events) throws(SocketError) {
        guard cepoll_ctl(descriptor, cepoll_ctl_mod, fd, events.rawValue) == 0 else { throw .last("epoll_ctl(MOD)") }
    }

    /// Stops watching `fd`.
    func remove(_ fd: Int32) throws(SocketError) {
        guard cepoll_ctl(descriptor, cepoll_ctl_del, fd, 0) == 0 else { throw .last("epoll_ctl(DEL)") }
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) and fills `ready`; the number of entries filled.
    func wait(into ready: UnsafeMutableBufferPointer<cepoll_ready>, timeoutMilliseconds: Int32) throws(SocketError) -> Int {
        while true {
            let count = cepoll_wait(descriptor, ready.baseAddress, Int32(ready.count), timeoutMilliseconds)
            if count >= 0 { return Int(count) }
            guard errno == EINTR else { throw .last("epoll_wait") }
            // A signal interrupted the wait: report nothing ready and let the loop re-check its deadlines.
            return 0
        }
    }

    /// Closes the epoll descriptor.
    func close() {
        _ = Glibc.close(descriptor)
    }
}
