import Glibc

/// A failed system call on a socket, epoll or eventfd descriptor, with errno captured on the spot.
public struct SocketError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The system call that failed, such as `bind` or `epoll_ctl`.
    public let call: String
    /// The `errno` value the call left.
    public let code: Int32
    /// `strerror(code)`, read before anything else could overwrite errno.
    public let message: String

    /// Makes an error for `call` with an explicit errno value.
    public init(call: String, code: Int32) {
        self.call = call
        self.code = code
        self.message = String(cString: strerror(code))
    }

    /// Captures the current errno for `call`; must be the first thing done after the failing call.
    static func last(_ call: StaticString) -> SocketError {
        SocketError(call: "\(call)", code: errno)
    }

    public var description: String { "\(call) failed: \(message) (errno \(code))" }
}
