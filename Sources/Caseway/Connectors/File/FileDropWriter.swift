import Glibc

/// Puts files into a drop folder so that a reader never sees half of one: write a temporary name, fsync,
/// rename onto the final name, fsync the folder. Blocking: run it off the cooperative thread pool.
struct FileDropWriter: Sendable {
    /// The drop folder's absolute path, without a trailing slash.
    let directory: String
    let createDirectory: Bool
    let fileMode: mode_t
    let calls: FileSystemCalls
    /// Shared by every send to this folder, so concurrent renames share one fsync of the folder.
    let folderSync = FolderSyncGroup()

    /// Folders this writer creates (with `create_directory`) get these bits, before the umask.
    static let directoryMode: mode_t = 0o755

    /// Writes `bytes` as `name` in the folder, replacing a file of that name; the temporary file is
    /// `.<name>.tmp-<temporaryTag>`, so a crash leaves at most one per delivery and the next try reuses it.
    ///
    /// Once this returns, the file is complete and its name durable. Throws a failure naming the file and
    /// the error; no temporary file is left behind either way.
    func place(_ bytes: [UInt8], as name: String, temporaryTag: String) throws(DeliveryFailure) {
        let path = directory + "/" + name
        let temporary = directory + "/." + name + ".tmp-" + temporaryTag
        do throws(FileSystemError) {
            let descriptor = try openTemporary(temporary)
            do throws(FileSystemError) {
                try calls.setMode(descriptor, fileMode, temporary)
                try writeAll(bytes, to: descriptor, path: temporary)
                try calls.sync(descriptor, temporary)
            } catch {
                try? calls.close(descriptor, temporary)
                throw error
            }
            try calls.close(descriptor, temporary)
            try calls.rename(temporary, path)
        } catch {
            try? calls.unlink(temporary)
            throw failure(error, writing: path)
        }
        do throws(FileSystemError) {
            try folderSync.sync { () throws(FileSystemError) in try syncDirectory() }
        } catch {
            throw failure(error, writing: path)
        }
    }

    private func openTemporary(_ temporary: String) throws(FileSystemError) -> Int32 {
        // O_NOFOLLOW: a symlink planted under our temporary name must not redirect the write elsewhere.
        let flags = O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC | O_NOFOLLOW
        do throws(FileSystemError) {
            return try calls.open(temporary, flags, fileMode)
        } catch where error.code == ENOENT && createDirectory {
            try makeDirectories()
            return try calls.open(temporary, flags, fileMode)
        }
    }

    /// Writes every byte, going on after short writes and interrupted calls.
    private func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(FileSystemError) {
        var offset = 0
        while offset < bytes.count {
            do throws(FileSystemError) {
                let written = try calls.write(descriptor, bytes, offset, path)
                // A regular file never takes zero bytes of a non-empty write; guard against spinning anyway.
                guard written > 0 else { throw FileSystemError(call: "write", path: path, code: EIO) }
                offset += written
            } catch where error.code == EINTR {
                continue
            }
        }
    }

    /// Makes the renames durable: without it a power cut can bring back the folder without the new name.
    private func syncDirectory() throws(FileSystemError) {
        let descriptor = try calls.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        do throws(FileSystemError) {
            try calls.sync(descriptor, directory)
        } catch {
            try? calls.close(descriptor, directory)
            throw error
        }
        try calls.close(descriptor, directory)
    }

    /// Creates the drop folder and its missing parents.
    private func makeDirectories() throws(FileSystemError) {
        var prefix = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            prefix += component
            do throws(FileSystemError) {
                try calls.makeDirectory(prefix, Self.directoryMode)
            } catch where error.code == EEXIST {
                guard try calls.isDirectory(prefix) else { throw FileSystemError(call: "mkdir", path: prefix, code: ENOTDIR) }
            }
            prefix += "/"
        }
    }

    /// Says what went wrong for operators, telling a vanished or unusable folder apart from a failed write.
    private func failure(_ error: FileSystemError, writing path: String) -> DeliveryFailure {
        if error.code == ENOENT || error.code == ENOTDIR {
            // Only now, on the failure path, is the folder looked at: a healthy drop costs no extra call.
            switch Result(catching: { () throws(FileSystemError) in try calls.isDirectory(directory) }) {
            case .failure(let lookup) where lookup.code == ENOENT:
                return DeliveryFailure(
                    .transient,
                    "drop folder \(directory) does not exist (\(lookup.reasonWithCode)); is its share mounted?"
                        + (createDirectory ? "" : " (set create_directory to true to have it created)"))
            case .failure(let lookup) where lookup.code == ENOTDIR:
                return DeliveryFailure(.transient, "drop folder \(directory) is not a folder: part of its path is a file")
            case .success(false):
                return DeliveryFailure(.transient, "drop folder \(directory) is not a folder")
            default:
                break
            }
        }
        if error.call == "mkdir" {
            return DeliveryFailure(.transient, "cannot create drop folder \(directory): \(error.path): \(error.reasonWithCode)")
        }
        let call = error.call == "open" || error.call == "write" ? "" : " in \(error.call)"
        return DeliveryFailure(error.failureKind, "cannot write \(path): \(error.reason) (\(error.codeName)\(call))")
    }
}
