/// When a write's caller is told that the write is done.
///
/// The store's writer commits with `synchronous=NORMAL` and syncs the WAL itself after any transaction
/// holding an `onDisk` write, which is what `synchronous=FULL` does at every commit: a transaction of
/// `inOperatingSystem` writes only skips the sync. Both kinds see each other's changes at once and are
/// ordered alike; a later sync puts every earlier commit on disk too (the WAL is one file, appended in
/// order).
public enum WriteDurability: Sendable, Hashable {
    /// Once the transaction is on disk: it survives the machine losing power. Cases, updates, dead
    /// letters, replays and every write a promise is made on.
    case onDisk
    /// Once the transaction is committed to the WAL in the operating system's cache: it survives the hub
    /// being killed, and reaches the disk with the next `onDisk` write or within the store's
    /// `unsyncedWindow`, whichever is first. Only for writes whose loss in a power cut is harmless, such
    /// as a queue lease (a lost lease makes a message visible again, which at-least-once delivery allows).
    case inOperatingSystem
}
