/// Carries a client into a `@Sendable` closure.
///
/// Unchecked: each test hands the client from one step to the next and never uses it from two threads at once.
final class RawClientBox: @unchecked Sendable {
    let client: RawClient
    init(_ client: RawClient) { self.client = client }
}
