/// One caller's write waiting in the writer's queue, with the means to resume the caller.
struct PendingWrite: Sendable {
    /// Runs the caller's body on the writer's connection (inside the caller's savepoint) and keeps its
    /// result until the batch's fate is known.
    let perform: @Sendable (Connection) -> WriteOutcome
    /// Resumes the caller with `error` when its body never ran (the batch failed before it).
    let fail: @Sendable (any Error) -> Void
    /// When the caller may be resumed: whether the batch must be synced to disk first.
    let durability: WriteDurability

    /// Wraps `body` and the caller's continuation.
    init<T: Sendable>(body: @escaping @Sendable (Connection) throws -> T, durability: WriteDurability,
                      continuation: CheckedContinuation<T, any Error>) {
        self.durability = durability
        perform = { connection in
            do {
                let value = try body(connection)
                return WriteOutcome(bodyError: nil, durability: durability) { batchError in
                    if let batchError {
                        continuation.resume(throwing: batchError)
                    } else {
                        continuation.resume(returning: value)
                    }
                }
            } catch {
                // The caller's own error explains its outcome whatever happens to the batch.
                return WriteOutcome(bodyError: error, durability: durability) { _ in continuation.resume(throwing: error) }
            }
        }
        fail = { error in continuation.resume(throwing: error) }
    }
}
