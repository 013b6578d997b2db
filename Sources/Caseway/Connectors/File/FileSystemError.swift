#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call on a drop folder or a file in it, with errno captured on the spot.
struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The system call that failed, such as `open` or `rename`.
    let call: String
    /// The path the call was about.
    let path: String
    /// The `errno` value the call left.
    let code: Int32

    init(call: String, path: String, code: Int32) {
        self.call = call
        self.path = path
        self.code = code
    }

    /// Captures the current errno for `call`; must be the first thing done after the failing call.
    static func last(_ call: String, _ path: String) -> FileSystemError {
        FileSystemError(call: call, path: path, code: errno)
    }

    /// `strerror(code)`: the text operators know from the shell (`No space left on device`).
    var reason: String { String(cString: strerror(code)) }

    /// The symbolic name (`ENOSPC`) an operator can search for; the number when it is not one we name.
    var codeName: String { Self.names[code] ?? "errno \(code)" }

    /// `No space left on device (ENOSPC)`.
    var reasonWithCode: String { "\(reason) (\(codeName))" }

    var description: String { "\(call) \(path): \(reasonWithCode)" }

    private static let names: [Int32: String] = [
        EPERM: "EPERM", ENOENT: "ENOENT", EINTR: "EINTR", EIO: "EIO", EBADF: "EBADF", EAGAIN: "EAGAIN",
        EACCES: "EACCES", EEXIST: "EEXIST", EXDEV: "EXDEV", ENOTDIR: "ENOTDIR", EISDIR: "EISDIR", EINVAL: "EINVAL",
        EMFILE: "EMFILE", ENFILE: "ENFILE", EFBIG: "EFBIG", ENOSPC: "ENOSPC", EROFS: "EROFS", EMLINK: "EMLINK",
        ENAMETOOLONG: "ENAMETOOLONG", ELOOP: "ELOOP", EDQUOT: "EDQUOT", ESTALE: "ESTALE", ETXTBSY: "ETXTBSY",
        ENOTEMPTY: "ENOTEMPTY", EBUSY: "EBUSY", ENODEV: "ENODEV", ENXIO: "ENXIO", ETIMEDOUT: "ETIMEDOUT",
        EHOSTDOWN: "EHOSTDOWN", ENOTCONN: "ENOTCONN",
    ]
}
