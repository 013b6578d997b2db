#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The directory holding the store file: created when missing, checked for writability up front.
enum DataDirectory {
    /// The store file's name inside the data directory.
    static let storeFileName = "caseway.sqlite"

    /// Creates `directory` (and its parents) when missing, checks that files can be created in it,
    /// and returns the path of the store file.
    static func prepare(_ directory: String) throws(StoreError) -> String {
        guard !directory.isEmpty else { throw .directoryUnusable("(empty path)", "no directory given") }
        try createDirectories(directory)
        try checkWritable(directory)
        return directory.hasSuffix("/") ? directory + storeFileName : directory + "/" + storeFileName
    }

    private static func createDirectories(_ directory: String) throws(StoreError) {
        var prefix = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o750) != 0 {
                let error = errno
                guard error == EEXIST else { throw .directoryUnusable(directory, describe(error, at: prefix, in: directory)) }
                var info = stat()
                guard stat(prefix, &info) == 0 else { throw .directoryUnusable(directory, describe(errno, at: prefix, in: directory)) }
                guard info.st_mode & S_IFMT == S_IFDIR else {
                    throw .directoryUnusable(directory, describe(ENOTDIR, at: prefix, in: directory))
                }
            }
            prefix += "/"
        }
    }

    /// Creates and removes a probe file: the only check that also catches read-only mounts and ACLs.
    private static func checkWritable(_ directory: String) throws(StoreError) {
        let probe = directory + "/.caseway-write-check-\(getpid())"
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw .directoryNotWritable(directory, String(cString: strerror(errno))) }
        close(descriptor)
        unlink(probe)
    }

    private static func describe(_ error: Int32, at prefix: String, in directory: String) -> String {
        let reason = String(cString: strerror(error))
        return prefix == directory ? reason : "\(reason): \(prefix)"
    }
}
