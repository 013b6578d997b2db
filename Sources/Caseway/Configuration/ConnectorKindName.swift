import CasewayMapping
/// The kinds of connector a `Connectors/*.json5` file may declare.
public enum ConnectorKindName: String, Sendable, Hashable, CaseIterable {
    /// Writes each delivery as a file into a drop folder.
    case file
    /// Sends each delivery to an HTTP or SOAP endpoint.
    case http
    /// Keeps each delivery as a message a back office polls for (`/v1/queues/{connector}/messages`).
    case queue
}
