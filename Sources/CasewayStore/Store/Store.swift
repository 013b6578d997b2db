/// The durable store of a hub: one SQLite file in the data directory, one group-commit writer,
/// and a few readers.
///
/// Opening creates the data directory if needed, refuses a directory it cannot write, a file that is
/// not a healthy Caseway store, or one written by a newer schema (each with a one-line `StoreError`),
/// and brings an older schema up to date. WAL, foreign keys on; every write is on disk when its caller
/// hears of it (`synchronous=FULL`, or the same made by hand, see `WriteDurability`), unless the caller
/// asked for less.
public final class Store: Sendable {
    /// The store file's name inside the data directory.
    public static let fileName = DataDirectory.storeFileName

    /// The data directory.
    public let directory: String
    /// The store file, `caseway.sqlite` in the data directory.
    public let file: String
    /// How the store was opened.
    public let configuration: Configuration
    private let writer: GroupCommitWriter
    private let readers: ReaderPool

    /// Opens (creating and migrating as needed) the store in `directory`.
    public init(directory: String, configuration: Configuration = Configuration()) throws(StoreError) {
        let file = try DataDirectory.prepare(directory)
        let writerConnection = try Connection.openStoreWriter(file: file, configuration: configuration)
        var readerConnections: [ConnectionHandoff] = []
        for _ in 0..<configuration.readerCount {
            readerConnections.append(ConnectionHandoff(try Connection.openStoreReader(file: file, configuration: configuration)))
        }
        self.directory = directory
        self.file = file
        self.configuration = configuration
        self.readers = ReaderPool(connections: readerConnections, path: file)
        self.writer = GroupCommitWriter(connection: ConnectionHandoff(writerConnection), path: file,
                                        capacity: configuration.queueCapacity, maxBatchSize: configuration.maxBatchSize,
                                        unsyncedWindow: configuration.unsyncedWindow)
    }

    deinit {
        // Without close(), the writer still commits what was queued, then closes its connection.
        readers.close()
        writer.beginClose()
    }

    /// Runs `body` in the writer's next batch and returns once its transaction has committed, on disk
    /// unless `durability` says otherwise; see `GroupCommitWriter.write`.
    public func write<T: Sendable>(durability: WriteDurability = .onDisk,
                                   _ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await writer.write(durability: durability, body)
    }

    /// Runs `body` on a read-only connection inside one read transaction (one consistent snapshot).
    public func read<T: Sendable>(_ body: @Sendable (Connection) throws -> T) async throws -> T {
        try await readers.read(body)
    }

    /// The group-commit writer's counters.
    public var writerStatistics: WriterStatistics { writer.statistics }

    /// Whether writes are accepted (false from the moment `close()` begins).
    public var isAcceptingWrites: Bool { writer.isAcceptingWrites }

    /// Stops accepting reads and writes, commits what is already queued, and closes the file.
    public func close() async {
        readers.close()
        await writer.close()
    }
}
