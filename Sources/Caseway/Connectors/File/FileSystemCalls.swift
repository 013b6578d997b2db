import Glibc

/// The few system calls a drop writes with, each wrapped once into a thrown `FileSystemError`.
///
/// A seam for tests: the hub runs as root in CI, where no chmod can make a folder unwritable, so tests swap
/// one call for one that fails with ENOSPC or EROFS and check what the transport makes of it.
struct FileSystemCalls: Sendable {
    /// Opens `path` with `flags` (creating it with `mode` when asked); returns the descriptor.
    var open: @Sendable (_ path: String, _ flags: Int32, _ mode: mode_t) throws(FileSystemError) -> Int32
    /// Sets the descriptor's permission bits exactly (the process umask would otherwise trim them).
    var setMode: @Sendable (_ descriptor: Int32, _ mode: mode_t, _ path: String) throws(FileSystemError) -> Void
    /// Writes `bytes[offset...]` once; returns how many bytes the kernel took (possibly fewer).
    var write: @Sendable (_ descriptor: Int32, _ bytes: [UInt8], _ offset: Int, _ path: String) throws(FileSystemError) -> Int
    /// Flushes the descriptor's data and metadata to the device.
    var sync: @Sendable (_ descriptor: Int32, _ path: String) throws(FileSystemError) -> Void
    /// Closes the descriptor; on NFS and SMB a failed close is where a deferred write error shows up.
    var close: @Sendable (_ descriptor: Int32, _ path: String) throws(FileSystemError) -> Void
    /// Renames `from` onto `to`, replacing `to` atomically.
    var rename: @Sendable (_ from: String, _ to: String) throws(FileSystemError) -> Void
    /// Removes a file.
    var unlink: @Sendable (_ path: String) throws(FileSystemError) -> Void
    /// Creates one folder (not its parents).
    var makeDirectory: @Sendable (_ path: String, _ mode: mode_t) throws(FileSystemError) -> Void
    /// Whether `path` is a folder; throws when it cannot be looked at (ENOENT when it does not exist).
    var isDirectory: @Sendable (_ path: String) throws(FileSystemError) -> Bool

    /// The real system calls.
    static let live = FileSystemCalls(
        open: { path, flags, mode throws(FileSystemError) in
            let descriptor = Glibc.open(path, flags, mode)
            guard descriptor >= 0 else { throw .last("open", path) }
            return descriptor
        },
        setMode: { descriptor, mode, path throws(FileSystemError) in
            guard fchmod(descriptor, mode) == 0 else { throw .last("fchmod", path) }
        },
        write: { descriptor, bytes, offset, path throws(FileSystemError) in
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            guard written >= 0 else { throw .last("write", path) }
            return written
        },
        sync: { descriptor, path throws(FileSystemError) in
            guard fsync(descriptor) == 0 else { throw .last("fsync", path) }
        },
        close: { descriptor, path throws(FileSystemError) in
            guard Glibc.close(descriptor) == 0 else { throw .last("close", path) }
        },
        rename: { from, to throws(FileSystemError) in
            guard Glibc.rename(from, to) == 0 else { throw .last("rename", to) }
        },
        unlink: { path throws(FileSystemError) in
            guard Glibc.unlink(path) == 0 else { throw .last("unlink", path) }
        },
        makeDirectory: { path, mode throws(FileSystemError) in
            guard mkdir(path, mode) == 0 else { throw .last("mkdir", path) }
        },
        isDirectory: { path throws(FileSystemError) in
            var info = stat()
            guard stat(path, &info) == 0 else { throw .last("stat", path) }
            return info.st_mode & S_IFMT == S_IFDIR
        }
    )
}
