/// A problem with the data directory or the store file, told in one line that names the file and what to do.
public struct StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What kind of problem it is, for callers that react differently (exit codes, health checks).
    public struct Reason: Hashable, Sendable, CustomStringConvertible {
        private let name: String

        /// The data directory cannot be created, or is not a directory.
        public static let directoryUnusable = Reason(name: "directory unusable")
        /// The data directory exists but files cannot be created in it.
        public static let directoryNotWritable = Reason(name: "directory not writable")
        /// The store file exists but cannot be written.
        public static let fileNotWritable = Reason(name: "file not writable")
        /// The store file is not an SQLite database, not Caseway's, or damaged.
        public static let corrupt = Reason(name: "corrupt")
        /// The store file was written by a newer schema than this build knows.
        public static let newerSchema = Reason(name: "newer schema")
        /// The store file cannot be opened or prepared for another reason.
        public static let cannotOpen = Reason(name: "cannot open")
        /// Bringing the schema up to date failed.
        public static let migrationFailed = Reason(name: "migration failed")
        /// The store has been closed.
        public static let closed = Reason(name: "closed")

        /// The reason's name.
        public var description: String { name }
    }

    /// What kind of problem it is.
    public let reason: Reason
    /// The directory or file at fault.
    public let path: String
    /// The whole one-line message, starting with the path.
    public let message: String

    private init(_ reason: Reason, path: String, _ text: String) {
        self.reason = reason
        self.path = path
        // SQLite's messages (quick_check's especially) may span lines; the message must not.
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: "; ")
        self.message = "\(path): \(oneLine)"
    }

    /// The one-line message.
    public var description: String { message }

    static func directoryUnusable(_ directory: String, _ problem: String) -> StoreError {
        StoreError(.directoryUnusable, path: directory,
                   "cannot use this as the data directory (\(problem)); create it as a directory or choose another data directory")
    }

    static func directoryNotWritable(_ directory: String, _ problem: String) -> StoreError {
        StoreError(.directoryNotWritable, path: directory,
                   "the data directory is not writable (\(problem)); make it writable for the user running caseway or choose another data directory")
    }

    static func fileNotWritable(_ file: String) -> StoreError {
        StoreError(.fileNotWritable, path: file,
                   "the store file is read-only; make it writable for the user running caseway")
    }

    static func corrupt(_ file: String, _ problem: String) -> StoreError {
        StoreError(.corrupt, path: file,
                   "not a Caseway store or corrupt (\(problem)); restore it from a backup or move it aside to start empty")
    }

    static func newerSchema(_ file: String, found: Int, known: Int) -> StoreError {
        StoreError(.newerSchema, path: file,
                   "written by a newer Caseway (schema \(found), this build knows \(known)); upgrade caseway or restore a backup")
    }

    static func cannotOpen(_ file: String, _ error: SQLiteError) -> StoreError {
        StoreError(.cannotOpen, path: file,
                   "cannot open the store (\(error.codeName): \(error.message)); check the file, its permissions and the free disk space")
    }

    static func migrationFailed(_ file: String, version: Int, _ error: SQLiteError) -> StoreError {
        StoreError(.migrationFailed, path: file,
                   "upgrading the schema to version \(version) failed (\(error.codeName): \(error.message)); nothing was changed, restore a backup or report this")
    }

    static func closed(_ file: String) -> StoreError {
        StoreError(.closed, path: file, "the store is closed; no more reads or writes are accepted")
    }
}
