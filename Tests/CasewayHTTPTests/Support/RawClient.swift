import Glibc
@testable import CasewayHTTP

/// A blocking TCP client for server tests: writes raw bytes, reads raw bytes, nothing interpreted.
final class RawClient {
    let descriptor: Int32

    /// Connects to `host` (numeric IPv4 or IPv6) and `port`.
    init(host: String = "127.0.0.1", port: Int) throws {
        let addresses = try SocketAddress.resolve(host: host, port: port)
        guard let address = addresses.first else { throw SocketError(call: "resolve", code: EINVAL) }
        descriptor = socket(address.family, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw SocketError.last("socket") }
        let result = address.withSockaddr { connect(descriptor, $0, $1) }
        guard result == 0 else {
            let error = SocketError.last("connect")
            Glibc.close(descriptor)
            throw error
        }
    }

    deinit { Glibc.close(descriptor) }

    /// Writes all of `text`; false when the connection is gone.
    @discardableResult
    func write(_ text: String) -> Bool {
        write(Array(text.utf8))
    }

    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { return false }
            sent += count
        }
        return true
    }

    /// Whether something (a response, or end-of-stream) is waiting to be read.
    func hasInput() -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, 0) > 0
    }

    /// Closes the sending side only.
    func shutdownWrite() {
        _ = Glibc.shutdown(descriptor, Int32(SHUT_WR))
    }

    /// Reads until the peer closes or `timeout` passes without data; what arrived, and whether it closed.
    func readUntilClosed(timeout: Duration = .seconds(5)) -> (text: String, closed: Bool) {
        var collected: [UInt8] = []
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 65536)
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let remaining = deadline - ContinuousClock.now
            let milliseconds = Int32(max(1, remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
            guard poll(&poller, 1, milliseconds) > 0 else { break }
            let count = buffer.withUnsafeMutableBytes { Glibc.recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return (String(decoding: collected, as: UTF8.self), true) }
            collected += buffer[0..<count]
        }
        return (String(decoding: collected, as: UTF8.self), false)
    }

    /// Reads until `count` complete responses arrived (by Content-Length), the peer closes, or `timeout` passes.
    /// The timeout is generous: it only bounds a failing test, and the full suite on two busy cores can
    /// leave a handler waiting seconds for a thread.
    func readResponses(_ count: Int, timeout: Duration = .seconds(30)) -> [ParsedResponse] {
        var collected: [UInt8] = []
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 65536)
        while ContinuousClock.now < deadline {
            let responses = ParsedResponse.split(String(decoding: collected, as: UTF8.self))
            if responses.count >= count, complete(responses) { return responses }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) >= 0 else { break }
            if poller.revents == 0 { continue }
            let received = buffer.withUnsafeMutableBytes { Glibc.recv(descriptor, $0.baseAddress, $0.count, 0) }
            if received <= 0 { break }
            collected += buffer[0..<received]
        }
        return ParsedResponse.split(String(decoding: collected, as: UTF8.self))
    }

    private func complete(_ responses: [ParsedResponse]) -> Bool {
        guard let last = responses.last else { return false }
        return last.body.utf8.count >= Int(last.header("Content-Length") ?? "0") ?? 0
    }
}

/// Whether this machine can bind the IPv6 loopback address.
func ipv6LoopbackAvailable() -> Bool {
    let descriptor = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { Glibc.close(descriptor) }
    var address = sockaddr_in6()
    address.sin6_family = sa_family_t(AF_INET6)
    address.sin6_addr = in6addr_loopback
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) == 0 }
    }
}
