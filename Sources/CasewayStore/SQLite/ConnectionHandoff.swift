/// Carries a connection to the one thread or task that uses it next, which takes it out.
///
/// `@unchecked Sendable` because a connection must never be used by two threads at once, and the
/// compiler cannot see that the store hands each one over exactly: the writer's connection moves once,
/// to the writer thread; a reader's moves in and out of the pool, checked out to one caller at a time.
/// The receiver calls `take()` once, before anyone else can see the box again.
final class ConnectionHandoff: @unchecked Sendable {
    private var connection: Connection?

    init(_ connection: Connection) {
        self.connection = connection
    }

    /// The connection; nil if it was already taken. The box no longer keeps it alive.
    func take() -> Connection? {
        defer { connection = nil }
        return connection
    }
}
