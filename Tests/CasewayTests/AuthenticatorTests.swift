import CasewayStore
import Testing

@testable import Caseway

struct AuthenticatorTests {
    let authenticator = Authenticator(clients: [
        ClientConfiguration(
            name: "webforms", scopes: [.submit], keySource: .environment("K1"), keyDigest: SHA256.hash(Array("key-one-0123456789".utf8))),
        ClientConfiguration(
            name: "ops", scopes: [.admin, .receive], keySource: .sha256(""), keyDigest: SHA256.hash(Array("key-two-0123456789".utf8))),
    ])

    @Test func bearerKey_FindsItsClient() throws {
        #expect(try authenticator.authorize(authorization: "Bearer key-one-0123456789", scope: .submit).get().name == "webforms")
        #expect(try authenticator.authorize(authorization: "bearer   key-two-0123456789 ", scope: .admin).get().name == "ops")
    }

    @Test func missingMalformedOrUnknownKeys_Are401Reasons() {
        #expect(authenticator.authorize(authorization: nil, scope: .submit) == .failure(.missingCredentials))
        #expect(authenticator.authorize(authorization: "Basic d2ViOmZvcm1z", scope: .submit) == .failure(.missingCredentials))
        #expect(authenticator.authorize(authorization: "Bearer ", scope: .submit) == .failure(.missingCredentials))
        #expect(authenticator.authorize(authorization: "Bearer key-three", scope: .submit) == .failure(.unknownKey))
    }

    @Test func knownClientWithoutTheScope_IsA403Reason() {
        #expect(
            authenticator.authorize(authorization: "Bearer key-one-0123456789", scope: .admin)
                == .failure(.missingScope(client: "webforms", scope: .admin)))
    }
}
