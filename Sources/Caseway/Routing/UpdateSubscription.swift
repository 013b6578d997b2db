/// Which updates a connector takes (its `updates` field): those on cases submitted by some clients, or by any.
///
/// An update travels back towards the case's origin, so the submitting client of the case decides, not the
/// client that sent the update.
public enum UpdateSubscription: Sendable, Equatable {
    /// `for_clients: "*"`: updates on every case, whoever submitted it.
    case everyClient
    /// `for_clients: [...]`: updates on cases submitted by these clients.
    case clients(Set<String>)

    /// Whether the connector takes updates on a case that `client` submitted.
    public func takes(caseSubmittedBy client: String) -> Bool {
        switch self {
        case .everyClient: true
        case .clients(let names): names.contains(client)
        }
    }
}
