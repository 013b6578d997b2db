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
        /// (`PRAGMA wal_autocheckpoint`, SQLite's default of 1000: a WAL of about 4 MiB). Larger values
        /// mean fewer checkpoints, each costing two fsyncs, but a longer phase after every start in
        /// which the WAL grows: an fsync that also extends the file costs more than one that rewrites
        /// it in place, which is what a WAL does once it wraps after a checkpoint.
        public var walAutocheckpointPages: Int
        /// The longest a commit of `.inOperatingSystem` writes only (queue leases) stays out of the disk
        /// when no `.onDisk` write comes to sync it: what a power cut can lose of them, at most.
        public var unsyncedWindow: Duration

        /// Creates a configuration; the defaults suit a hub serving one council.
        public init(queueCapacity: Int = 4096, maxBatchSize: Int = 1024, readerCount: Int = 4,
                    busyTimeoutMilliseconds: Int32 = 5000, checkIntegrityOnOpen: Bool = true,
                    walAutocheckpointPages: Int = 1000, unsyncedWindow: Duration = .milliseconds(200)) {
            self.queueCapacity = max(1, queueCapacity)
            self.maxBatchSize = max(1, maxBatchSize)
            self.readerCount = max(1, readerCount)
            self.busyTimeoutMilliseconds = max(0, busyTimeoutMilliseconds)
            self.checkIntegrityOnOpen = checkIntegrityOnOpen
            self.walAutocheckpointPages = max(1, walAutocheckpointPages)
            self.unsyncedWindow = max(.zero, unsyncedWindow)
        }
    }
}
