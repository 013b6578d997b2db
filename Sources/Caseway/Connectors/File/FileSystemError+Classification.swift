#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSystemError {
    /// Whether a later try can succeed.
    ///
    /// A full disk, a quota, a permission or a read-only mount is fixed by an operator, and an unmounted
    /// share comes back, so those retry. A name that is too long or collides with a folder comes from the
    /// template and the case, and is the same on every try, so retrying only burns attempts. Anything we do
    /// not know retries: the retry policy's caps still end it in a dead letter, and nothing is lost on the way.
    var failureKind: DeliveryFailure.Kind {
        switch code {
        case ENAMETOOLONG, EISDIR, ENOTDIR: .permanent
        default: .transient
        }
    }
}
