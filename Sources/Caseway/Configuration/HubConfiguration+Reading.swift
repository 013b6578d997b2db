import CasewayHTTP
import CasewayMapping
import CasewayStore
import Foundation

extension HubConfiguration {
    static let fields = [
        "listen", "data_directory", "mappings_directory", "connectors_directory", "clients", "limits", "timeouts", "intake",
    ]

    /// Reads `caseway.json5`'s root object; every problem is reported, nil when there was any.
    static func read(
        _ root: ConfigurationNode, baseDirectory: URL, environment: [String: String]
    ) -> HubConfiguration? {
        let problemsBefore = root.diagnostics.problems.count
        guard let object = root.object(allowed: fields, required: ["listen", "data_directory", "clients"]) else {
            return nil
        }
        var listen: ListenAddress?
        if let node = object["listen"], let text = node.string() {
            switch ListenAddress.parse(text) {
            case .success(let address): listen = address
            case .failure(let error): node.problem(error.description)
            }
        }
        let dataDirectory = object["data_directory"].flatMap { directory($0, base: baseDirectory) }
        let mappingsDirectory =
            object["mappings_directory"].map { directory($0, base: baseDirectory) }
            ?? baseDirectory.appendingPathComponent("Mappings")
        let connectorsDirectory =
            object["connectors_directory"].map { directory($0, base: baseDirectory) }
            ?? baseDirectory.appendingPathComponent("Connectors")
        let clients = object["clients"].flatMap { readClients($0, environment: environment) } ?? []
        var limits = HubLimits()
        if let node = object["limits"] { readLimits(node, into: &limits) }
        if let node = object["timeouts"] { readTimeouts(node, into: &limits) }
        let intake = object["intake"].map(readIntake) ?? IntakeSettings()

        guard root.diagnostics.problems.count == problemsBefore, let listen, let dataDirectory,
            let mappingsDirectory, let connectorsDirectory
        else { return nil }
        return HubConfiguration(
            file: root.source.displayPath, listen: listen, dataDirectory: dataDirectory,
            mappingsDirectory: mappingsDirectory, connectorsDirectory: connectorsDirectory, clients: clients,
            limits: limits, intake: intake)
    }

    /// The connector and mapping folders as written, without reporting anything (the full read does that);
    /// nil for a folder whose field is present but unusable.
    static func declarationDirectories(_ root: JSONValue, baseDirectory: URL) -> (mappings: URL?, connectors: URL?) {
        func resolve(_ key: String, default name: String) -> URL? {
            guard let value = root[key] else { return baseDirectory.appendingPathComponent(name) }
            guard let path = value.stringValue, !path.isEmpty else { return nil }
            return path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path)
        }
        return (resolve("mappings_directory", default: "Mappings"), resolve("connectors_directory", default: "Connectors"))
    }

    /// The intake's XML namespace prefixes as written, without reporting anything (the full read does that):
    /// the prefixes that are plain strings.
    static func declaredNamespaces(_ root: JSONValue) -> [String: String] {
        guard let members = root["intake"]?["xml"]?["namespaces"]?.objectValue?.members else { return [:] }
        var namespaces: [String: String] = [:]
        for member in members {
            if let uri = member.value.stringValue, !uri.isEmpty { namespaces[member.key] = uri }
        }
        return namespaces
    }

    /// The clients' names as written, without reporting anything (the full read does that), so that with
    /// a broken client entry a connector naming that client is not also called wrong.
    static func declaredClientNames(_ root: JSONValue) -> [String] {
        guard let clients = root["clients"]?.arrayValue else { return [] }
        return clients.compactMap { $0["name"]?.stringValue }
    }

    private static func directory(_ node: ConfigurationNode, base: URL) -> URL? {
        guard let path = node.nonEmptyString() else { return nil }
        return path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
    }

    private static func readClients(_ node: ConfigurationNode, environment: [String: String]) -> [ClientConfiguration]? {
        guard let items = node.array() else { return nil }
        var clients: [ClientConfiguration] = []
        var firstByName: [String: ValuePath] = [:]
        for item in items {
            guard let object = item.object(allowed: ["name", "scopes", "key", "queues", "update_mapping"], required: ["name", "scopes", "key"])
            else { continue }
            var name: String?
            if let nameNode = object["name"], let text = nameNode.nonEmptyString() {
                if !text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
                    nameNode.problem("\"\(text)\" is not a client name (letters, digits, \"-\", \"_\" and \".\")")
                } else if let first = firstByName[text] {
                    nameNode.problem("duplicate client name \"\(text)\" (first used at \(first))")
                } else {
                    firstByName[text] = nameNode.path
                    name = text
                }
            }
            var scopes = Set<Scope>()
            if let scopesNode = object["scopes"], let scopeItems = scopesNode.array() {
                if scopeItems.isEmpty { scopesNode.problem("a client needs at least one scope") }
                for scopeNode in scopeItems {
                    if let scope = scopeNode.oneOf(Scope.self, what: "scope") { scopes.insert(scope) }
                }
            }
            let key = object["key"].flatMap { readKey($0, environment: environment) }
            // Whether each name is a queue connector is checked once Connectors/ is read (Configuration.load).
            var queues = Set<String>()
            if let queuesNode = object["queues"], let queueItems = queuesNode.array() {
                if !scopes.isEmpty && !scopes.contains(.receive) {
                    queuesNode.problem("queues are received from with the \"receive\" scope, which this client does not have")
                }
                for queueNode in queueItems {
                    if let queue = queueNode.nonEmptyString() { queues.insert(queue) }
                }
            }
            // Whether the mapping exists and reads XML into JSON is checked once Mappings/ is read (Configuration.load).
            var updateMapping: String?
            if let mappingNode = object["update_mapping"], !mappingNode.value.isNull, let mapping = mappingNode.nonEmptyString() {
                if !scopes.isEmpty && !scopes.contains(.update) {
                    mappingNode.problem("an update_mapping reads the client's updates, which need the \"update\" scope, which this client does not have")
                }
                updateMapping = mapping
            }
            if let name, let key, !scopes.isEmpty {
                clients.append(ClientConfiguration(
                    name: name, scopes: scopes, keySource: key.source, keyDigest: key.digest, queues: queues,
                    updateMapping: updateMapping))
            }
        }
        return clients
    }

    private static func readKey(
        _ node: ConfigurationNode, environment: [String: String]
    ) -> (source: ClientKeySource, digest: [UInt8])? {
        if case .string = node.value {
            node.problem(
                "a key is never written in clear: use { env: \"VARIABLE\" } or { sha256: \"<64 hex digits>\" }")
            return nil
        }
        guard let object = node.object(allowed: ["env", "sha256"]) else { return nil }
        switch (object["env"], object["sha256"]) {
        case (let envNode?, nil):
            guard let name = envNode.nonEmptyString() else { return nil }
            guard let key = environment[name] else {
                envNode.problem("environment variable \(name) is not set (it holds this client's API key)")
                return nil
            }
            guard key.utf8.count >= 16 else {
                envNode.problem("the key in \(name) is too short (\(key.utf8.count) bytes; at least 16)")
                return nil
            }
            return (.environment(name), SHA256.hash(Array(key.utf8)))
        case (nil, let hashNode?):
            guard let hex = hashNode.string() else { return nil }
            guard let digest = hexBytes(hex), digest.count == 32 else {
                hashNode.problem("expected 64 hexadecimal digits (the SHA-256 of the key), found \(hex.count) characters")
                return nil
            }
            return (.sha256(hex.lowercased()), digest)
        case (.some, .some):
            node.problem("give either \"env\" or \"sha256\", not both")
            return nil
        case (nil, nil):
            node.problem("missing \"env\" (an environment variable holding the key) or \"sha256\" (its hash)")
            return nil
        }
    }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func readIntake(_ node: ConfigurationNode) -> IntakeSettings {
        var settings = IntakeSettings()
        guard let object = node.object(allowed: ["xml"]), let xmlNode = object["xml"],
            let xml = xmlNode.object(allowed: ["namespaces", "sender_reference"])
        else { return settings }
        var namespaces: [String: String] = [:]
        if let namespacesNode = xml["namespaces"], case .object(let members) = namespacesNode.value,
            let declared = namespacesNode.object(allowed: members.keys)
        {
            for prefix in members.keys {
                guard let uriNode = declared[prefix], let uri = uriNode.nonEmptyString() else { continue }
                namespaces[prefix] = uri
            }
        } else if let namespacesNode = xml["namespaces"] {
            namespacesNode.problem("expected an object of prefix: \"namespace URI\", found \(namespacesNode.value.typeName)")
        }
        settings.namespaces = namespaces
        if let referenceNode = xml["sender_reference"], let source = referenceNode.nonEmptyString() {
            do {
                settings.xmlSenderReference = try XPathExpression(source, namespaces: namespaces)
            } catch {
                referenceNode.problem("not a usable XPath: \(error)")
            }
        }
        return settings
    }

    private static func readLimits(_ node: ConfigurationNode, into limits: inout HubLimits) {
        guard let object = node.object(allowed: ["request_body", "header_bytes", "header_count", "connections"])
        else { return }
        if let value = object["request_body"]?.byteCount(in: 1...(1 << 30)) { limits.requestBodyBytes = value }
        if let value = object["header_bytes"]?.byteCount(in: 1024...(1 << 20)) { limits.headerBytes = value }
        if let value = object["header_count"]?.int(in: 8...10_000) { limits.headerCount = value }
        if let value = object["connections"]?.int(in: 1...1_000_000) { limits.connections = value }
    }

    private static func readTimeouts(_ node: ConfigurationNode, into limits: inout HubLimits) {
        guard let object = node.object(allowed: ["header", "body", "idle", "handler", "shutdown"]) else { return }
        let range = Duration.milliseconds(100)...Duration.seconds(86_400)
        if let value = object["header"]?.duration(in: range) { limits.headerTimeout = value }
        if let value = object["body"]?.duration(in: range) { limits.bodyTimeout = value }
        if let value = object["idle"]?.duration(in: range) { limits.idleTimeout = value }
        if let value = object["handler"]?.duration(in: range) { limits.handlerTimeout = value }
        if let value = object["shutdown"]?.duration(in: Duration.zero...Duration.seconds(3600)) {
            limits.shutdownGrace = value
        }
    }
}
