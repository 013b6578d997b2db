import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `caseway serve` child on a free loopback port with its own configuration and data directory.
final class HubProcess {
    static let submitterKey = "front-office-key-0123456789"
    static let pollerKey = "back-office-key-0123456789"
    static let operatorKey = "operator-key-0123456789abc"
    /// The key of a client a test adds with `extraClients` (`key: { env: "E2E_BACK_OFFICE_KEY" }`).
    static let backOfficeKey = "xml-back-office-key-0123456789"

    let folder: URL
    var child: ChildProcess?
    private(set) var port = 0
    private(set) var logLines: [String] = []

    var dataDirectory: URL { folder.appendingPathComponent("data") }
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// A configuration with three clients (submit only, receive only, every scope) and no connectors;
    /// the receive-only client may receive from `pollerQueues`. `extraClients` are more client entries.
    init(extraHub: String = "", pollerQueues: [String] = [], extraClients: String = "") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseway-e2e-\(UUID().uuidString)")
        for sub in ["Connectors", "Mappings"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let hub = """
            {
              listen: "127.0.0.1:0",
              data_directory: "data",
              clients: [
                { name: "webforms", scopes: ["submit"], key: { env: "E2E_SUBMITTER_KEY" } },
                { name: "highways", scopes: ["receive"], key: { env: "E2E_POLLER_KEY" }, queues: [\(pollerQueues.map { "\"\($0)\"" }.joined(separator: ", "))] },
                { name: "operator", scopes: ["submit", "update", "receive", "admin"], key: { env: "E2E_OPERATOR_KEY" } },
                \(extraClients)
              ],
              intake: { xml: { namespaces: { crm: "urn:example:kestrel-vale:crm:service-request:2" },
                               sender_reference: "/crm:ServiceRequest/crm:Source/@reference" } },
              \(extraHub)
            }
            """
        try Data(hub.utf8).write(to: folder.appendingPathComponent("caseway.json5"))
    }

    deinit {
        if let child, child.process.isRunning { kill(child.process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: folder)
    }

    static let environment = [
        "E2E_SUBMITTER_KEY": submitterKey, "E2E_POLLER_KEY": pollerKey, "E2E_OPERATOR_KEY": operatorKey,
        "E2E_BACK_OFFICE_KEY": backOfficeKey,
    ]

    /// Starts the hub and waits for its start-up line, which carries the port it bound.
    func start() async throws {
        let child = ChildProcess("caseway", ["serve", "--config", "caseway.json5"], environment: Self.environment, in: folder)
        try child.start()
        self.child = child
        let line = await child.waitForOutputLine { $0.contains("caseway started") }
        let started = try #require(line, "the hub did not start")
        let listen = try #require(started.range(of: #""listen":"127.0.0.1:"#), "no listen address in \(started)")
        port = Int(started[listen.upperBound...].prefix { $0.isNumber }) ?? 0
        try #require(port > 0)
    }

    /// Sends SIGTERM and waits for a clean exit; returns what the hub printed after start-up.
    @discardableResult
    func stop() async throws -> ChildProcess.Result {
        let child = try #require(child)
        kill(child.process.processIdentifier, SIGTERM)
        let result = try await child.finish(timeout: .seconds(30))
        self.child = nil
        return result
    }

    /// Kills the hub the hard way, as a power cut would.
    func crash() async throws {
        let child = try #require(child)
        kill(child.process.processIdentifier, SIGKILL)
        _ = try await child.finish(timeout: .seconds(30))
        self.child = nil
    }

    /// One request with URLSession; returns the status, headers and body.
    func request(
        _ method: String, _ path: String, key: String? = HubProcess.submitterKey, body: Data? = nil,
        contentType: String? = "application/json", headers: [String: String] = [:]
    ) async throws -> (status: Int, headers: [String: String], body: Data) {
        var request = URLRequest(url: baseURL.appendingPathComponent(path))
        request.httpMethod = method
        request.httpBody = body
        if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        if let contentType, body != nil { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return (http.statusCode, fields, data)
    }
}

extension Data {
    /// The body as a JSON object, for assertions.
    var jsonObject: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: self)) as? [String: Any]
    }
}
