import Dispatch

/// Runs blocking socket work on a Dispatch thread, keeping the cooperative pool free for the
/// server's handler tasks (on a two-core machine the pool has only two threads).
func blocking<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try body() })
        }
    }
}
