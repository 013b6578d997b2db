import CEpoll
import Glibc

/// A non-blocking stream socket; every system call on it is wrapped here, once, into a thrown `SocketError`.
///
/// A plain value around the descriptor: the event loop that owns a connection is the only code that uses it,
/// and it closes it exactly once.
struct Socket: Sendable, Hashable {
    let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// What a non-blocking read or write achieved.
    enum Transfer: Equatable {
        /// This many bytes moved (a read of 0 bytes is reported as `.endOfStream`).
        case bytes(Int)
        /// The kernel buffer is empty (read) or full (write); wait for readiness.
        case wouldBlock
        /// The peer closed its side (read only).
        case endOfStream
    }

    /// Opens a listening socket bound to `address`, with SO_REUSEADDR and the given backlog.
    static func listening(on address: SocketAddress, backlog: Int32) throws(SocketError) -> Socket {
        let descriptor = Glibc.socket(address.family, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .last("socket") }
        let socket = Socket(descriptor: descriptor)
        do throws(SocketError) {
            try socket.setOption(level: SOL_SOCKET, name: SO_REUSEADDR, value: 1, call: "setsockopt(SO_REUSEADDR)")
            if address.family == AF_INET6 {
                // IPv6 listeners take only IPv6, so that "[::]" and "0.0.0.0" can both be bound side by side.
                try socket.setOption(level: Int32(IPPROTO_IPV6), name: IPV6_V6ONLY, value: 1, call: "setsockopt(IPV6_V6ONLY)")
            }
            let bound = address.withSockaddr { Glibc.bind(descriptor, $0, $1) }
            guard bound == 0 else { throw SocketError.last("bind") }
            guard Glibc.listen(descriptor, backlog) == 0 else { throw SocketError.last("listen") }
        } catch {
            socket.close()
            throw error
        }
        return socket
    }

    /// The address the socket is bound to (the kernel's choice of port when bound to port 0).
    func localAddress() throws(SocketError) -> SocketAddress {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutableBytes(of: &storage) { raw in
            Glibc.getsockname(descriptor, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), &length)
        }
        guard result == 0 else { throw .last("getsockname") }
        return SocketAddress(storage: storage, length: length)
    }

    /// Accepts one pending connection as a non-blocking socket; nil when none is waiting.
    func accept() throws(SocketError) -> Socket? {
        while true {
            let accepted = cepoll_accept(descriptor)
            if accepted >= 0 { return Socket(descriptor: accepted) }
            switch errno {
            case EINTR: continue
            // A connection reset while queued is the peer's problem, not the listener's.
            case EAGAIN, EWOULDBLOCK, ECONNABORTED, EPROTO: return nil
            default: throw .last("accept4")
            }
        }
    }

    /// Sets an integer socket option.
    func setOption(level: Int32, name: Int32, value: Int32, call: StaticString) throws(SocketError) {
        var value = value
        guard Glibc.setsockopt(descriptor, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw .last(call)
        }
    }

    /// Disables Nagle's algorithm: responses are written whole, and waiting for an ACK only adds latency.
    func setNoDelay() throws(SocketError) {
        try setOption(level: Int32(IPPROTO_TCP), name: TCP_NODELAY, value: 1, call: "setsockopt(TCP_NODELAY)")
    }

    /// Reads what is available into `buffer`.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> Transfer {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count > 0 { return .bytes(count) }
            if count == 0 { return .endOfStream }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: throw .last("read")
            }
        }
    }

    /// Writes as much of `bytes` as the kernel takes now, never raising SIGPIPE.
    func send(_ bytes: UnsafeRawBufferPointer) throws(SocketError) -> Transfer {
        guard bytes.count > 0 else { return .bytes(0) }
        while true {
            let count = Glibc.send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if count >= 0 { return .bytes(count) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: throw .last("send")
            }
        }
    }

    /// Closes the sending side: the peer reads end-of-stream after the last response.
    func shutdownWrite() throws(SocketError) {
        guard Glibc.shutdown(descriptor, Int32(SHUT_WR)) == 0 else { throw .last("shutdown") }
    }

    /// Closes the descriptor; errors are ignored because on Linux the descriptor is released regardless.
    func close() {
        _ = Glibc.close(descriptor)
    }
}
