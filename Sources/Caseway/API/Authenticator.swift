import CasewayMapping
import CasewayStore

/// Finds the client behind an `Authorization: Bearer <key>` header by comparing key hashes in constant time.
public struct Authenticator: Sendable {
    /// Why a request was not authenticated or not authorised.
    public enum Failure: Error, Sendable, Equatable {
        /// No usable credentials: 401.
        case missingCredentials
        /// A key that belongs to no client: 401.
        case unknownKey
        /// A known client without the scope the route needs: 403.
        case missingScope(client: String, scope: Scope)
    }

    private let clients: [ClientConfiguration]

    public init(clients: [ClientConfiguration]) {
        self.clients = clients
    }

    /// The client whose key is in `authorization`, which must hold `scope`.
    public func authorize(authorization: String?, scope: Scope) -> Result<ClientConfiguration, Failure> {
        switch authenticate(authorization: authorization) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let client):
            guard client.scopes.contains(scope) else {
                return .failure(.missingScope(client: client.name, scope: scope))
            }
            return .success(client)
        }
    }

    /// The client whose key is in `authorization`, whatever its scopes.
    public func authenticate(authorization: String?) -> Result<ClientConfiguration, Failure> {
        guard let authorization, let key = Self.bearerToken(authorization), !key.isEmpty else {
            return .failure(.missingCredentials)
        }
        let digest = SHA256.hash(Array(key.utf8))
        // Every client is compared, whatever matched first, so timing reveals nothing about which keys exist.
        var found: ClientConfiguration?
        for client in clients where SHA256.constantTimeEquals(client.keyDigest, digest) {
            found = client
        }
        guard let found else { return .failure(.unknownKey) }
        return .success(found)
    }

    /// The token of `Bearer <token>`; the scheme is case-insensitive (RFC 9110 §11.1).
    static func bearerToken(_ header: String) -> Substring? {
        let trimmed = header.drop { $0 == " " }
        guard trimmed.count > 7, trimmed.prefix(7).lowercased() == "bearer " else { return nil }
        let token = trimmed.dropFirst(7).drop { $0 == " " }
        var end = token.endIndex
        while end > token.startIndex, token[token.index(before: end)] == " " { end = token.index(before: end) }
        return token[token.startIndex..<end]
    }
}
