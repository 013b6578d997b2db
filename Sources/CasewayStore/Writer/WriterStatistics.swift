/// Counters of the group-commit writer since the store was opened.
public struct WriterStatistics: Sendable, Equatable {
    /// Transactions committed.
    public var commits: Int
    /// Writes committed (a write whose body threw is not counted).
    public var committedWrites: Int
    /// Batches that failed as a whole (BEGIN or COMMIT failed; every caller got the error).
    public var failedBatches: Int
    /// The largest number of writes in one batch.
    public var largestBatch: Int
    /// Writes waiting in the queue now.
    public var queued: Int
    /// The most writes that were ever waiting in the queue at once (never above its capacity).
    public var peakQueued: Int
    /// Callers waiting for room in the queue now.
    public var waitingForRoom: Int
    /// Syncs of the WAL to disk (after commits holding `.onDisk` writes, and of unsynced commits later).
    public var syncs: Int = 0
    /// Syncs that failed (their `.onDisk` callers got the error; the commits stay unsynced until a later sync).
    public var failedSyncs: Int = 0
}
