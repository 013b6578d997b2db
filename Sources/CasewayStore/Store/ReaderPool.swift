import Synchronization

/// A few read-only connections, each lent to one caller at a time; callers wait when all are lent.
final class ReaderPool: Sendable {
    private struct State {
        var idle: [ConnectionHandoff]
        var waiters: [CheckedContinuation<ConnectionHandoff, any Error>] = []
        var closed = false
    }

    private let state: Mutex<State>
    private let path: String

    init(connections: [ConnectionHandoff], path: String) {
        self.state = Mutex(State(idle: connections))
        self.path = path
    }

    /// Runs `body` on a reader inside one read transaction, so that it sees one consistent snapshot.
    func read<T: Sendable>(_ body: @Sendable (Connection) throws -> T) async throws -> T {
        let box = try await checkOut()
        guard let connection = box.take() else { throw StoreError.closed(path) }
        defer { checkIn(ConnectionHandoff(connection)) }
        return try connection.transaction(.deferred) { try body(connection) }
    }

    private func checkOut() async throws -> ConnectionHandoff {
        let ready = try state.withLock { state throws(StoreError) -> ConnectionHandoff? in
            if state.closed { throw StoreError.closed(path) }
            return state.idle.popLast()
        }
        if let ready { return ready }
        return try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { state -> Result<ConnectionHandoff, any Error>? in
                if state.closed { return .failure(StoreError.closed(path)) }
                if let connection = state.idle.popLast() { return .success(connection) }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }

    private func checkIn(_ box: ConnectionHandoff) {
        let waiter = state.withLock { state -> CheckedContinuation<ConnectionHandoff, any Error>? in
            if !state.waiters.isEmpty { return state.waiters.removeFirst() }
            // After close the box is dropped here, which closes the connection.
            if !state.closed { state.idle.append(box) }
            return nil
        }
        waiter?.resume(returning: box)
    }

    /// Closes the idle readers and fails waiting callers; readers still lent close when returned.
    func close() {
        let (idle, waiters) = state.withLock { state in
            state.closed = true
            defer {
                state.idle.removeAll()
                state.waiters.removeAll()
            }
            return (state.idle, state.waiters)
        }
        for waiter in waiters { waiter.resume(throwing: StoreError.closed(path)) }
        // Dropping the last references closes the connections.
        _ = idle
    }
}
