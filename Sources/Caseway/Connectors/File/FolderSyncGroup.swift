import Foundation

/// Lets the concurrent sends of one drop folder share the fsync of the folder that makes their renames
/// durable: the same idea as the store's group commit.
///
/// A send that renamed its file asks for a sync. When none is running it runs one, which covers every rename
/// asked for until then; when one is running it waits for the next, since the running one may have started
/// before its rename. On a folder receiving many files this turns one folder fsync per file into one per
/// round, which is what bounds a drop folder's throughput on a journaling filesystem.
final class FolderSyncGroup: @unchecked Sendable {
    // @unchecked: every stored property is read and written only while `condition` is locked.
    private let condition = NSCondition()
    /// Renames asked to be made durable, numbered from 1.
    private var requested: UInt64 = 0
    /// Renames that a finished sync covered.
    private var covered: UInt64 = 0
    private var running = false
    /// Rounds whose sync failed, newest last (a few are kept: a waiter wakes soon after its round ended).
    private var failures: [(rounds: ClosedRange<UInt64>, error: FileSystemError)] = []

    /// Returns once a sync that started after this call has succeeded; throws that sync's error when it failed.
    func sync(_ body: () throws(FileSystemError) -> Void) throws(FileSystemError) {
        condition.lock()
        requested += 1
        let ticket = requested
        while covered < ticket {
            if running {
                condition.wait()
                continue
            }
            running = true
            let target = requested
            condition.unlock()
            var failure: FileSystemError?
            do {
                try body()
            } catch {
                failure = error
            }
            condition.lock()
            if let failure {
                failures.append((covered + 1 ... target, failure))
                if failures.count > 64 { failures.removeFirst(failures.count - 64) }
            }
            covered = target
            running = false
            condition.broadcast()
        }
        let failed = failures.last { $0.rounds.contains(ticket) }?.error
        condition.unlock()
        if let failed { throw failed }
    }
}
