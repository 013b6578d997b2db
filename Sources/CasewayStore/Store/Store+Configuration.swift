extension Store {
    /// How the store is opened and how its writer batches.
    public struct Configuration: Sendable {
        /// Writes that may wait for the writer; when the queue is full, callers wait for room.
        public var queueCapacity: Int
        /// The most writes committed together in one transaction.
        public var maxBatchSize: Int
        /// Reader connections for `Store.read` (reads in WAL mode never wait for the writer).
        public var readerCount: Int
        /// How long a statement waits for another process's lock before failing with SQLITE_BUSY.
        public var busyTimeoutMilliseconds: Int32
        /// Whether opening reads every page once (`PRAGMA quick_check`) to refuse a damaged file early.
        /// Proportional to the file's size; a few hundred ms per GiB on an SSD.
        public var checkIntegrityOnOpen: Bool
        /// WAL pages (4 KiB) after which a commit also copies the WAL into the database file
        /// (`PRAGMA wal_autocheckpoint`; SQLite's default is 1000). A checkpoint costs two fsyncs
        /// whatever its size and copies each changed page once, however often it changed since the
        /// last one (index pages change in every commit): fewer, larger checkpoints leave more of the
        /// disk to commits. The WAL grows to about this size (16 MiB by default) and is replayed after
        /// a crash, which takes well under a second.
        public var walAutocheckpointPages: Int

        /// Creates a configuration; the defaults suit a hub serving one council.
        public init(queueCapacity: Int = 4096, maxBatchSize: Int = 1024, readerCount: Int = 4,
                    busyTimeoutMilliseconds: Int32 = 5000, checkIntegrityOnOpen: Bool = true,
                    walAutocheckpointPages: Int = 4000) {
            self.queueCapacity = max(1, queueCapacity)
            self.maxBatchSize = max(1, maxBatchSize)
            self.readerCount = max(1, readerCount)
            self.busyTimeoutMilliseconds = max(0, busyTimeoutMilliseconds)
            self.checkIntegrityOnOpen = checkIntegrityOnOpen
            self.walAutocheckpointPages = max(1, walAutocheckpointPages)
        }
    }
}
