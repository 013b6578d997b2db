import CasewayMapping
import Foundation

extension HTTPConnectorSettings {
    /// Header fields the transport writes itself: a connector file may not set them.
    static let reservedHeaders = ["Idempotency-Key", "Content-Length", "Host", "Transfer-Encoding", "Connection"]

    public static func read(_ object: ConfigurationObject, context: ConnectorContext) -> Self? {
        let problemsBefore = object.node.diagnostics.problems.count
        let url = object["url"].flatMap(readURL)
        let method = object["method"].map { $0.oneOf(HTTPDeliveryMethod.self, what: "method") } ?? .post
        let timeouts = object["timeouts"].map(readTimeouts) ?? HTTPTimeouts()
        let authentication = object["auth"].flatMap { readAuthentication($0, environment: context.environment) }
        let successStatuses = object["success_statuses"].flatMap(readStatuses)
        let reference = object["reference"].flatMap(readReference)
        let soap = object["soap"].flatMap(readSOAP)
        let headers =
            object["headers"].map {
                readHeaders(
                    $0, environment: context.environment, hasAuthentication: object.contains("auth"),
                    hasSOAP: object.contains("soap"))
            } ?? []
        guard object.node.diagnostics.problems.count == problemsBefore, let url, let method, let timeouts else {
            return nil
        }
        return HTTPConnectorSettings(
            url: url, method: method, headers: headers, timeouts: timeouts, authentication: authentication,
            successStatuses: successStatuses, reference: reference, soap: soap)
    }

    private static func readURL(_ node: ConfigurationNode) -> URL? {
        guard let text = node.nonEmptyString() else { return nil }
        guard !text.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7f } == true }) else {
            node.problem("must not contain spaces or control characters")
            return nil
        }
        guard let components = URLComponents(string: text), let url = components.url else {
            node.problem("\"\(text)\" is not a URL (example: \"https://highways.example.org/enquiries\")")
            return nil
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            node.problem("must start with http:// or https://")
            return nil
        }
        guard let host = components.host, !host.isEmpty else {
            node.problem("has no host")
            return nil
        }
        guard components.user == nil, components.password == nil else {
            // Credentials in a URL end up in logs and messages; the environment keeps them secret.
            node.problem("must not contain a user name or password; use auth with password_env instead")
            return nil
        }
        guard components.fragment == nil else {
            node.problem("must not contain a fragment (#...): it is never sent to the partner")
            return nil
        }
        return url
    }

    private static func readTimeouts(_ node: ConfigurationNode) -> HTTPTimeouts? {
        guard let object = node.object(allowed: ["connect", "total"]) else { return nil }
        var timeouts = HTTPTimeouts()
        if let connect = object["connect"] {
            guard let value = connect.duration(in: .milliseconds(10) ... .seconds(300)) else { return nil }
            timeouts.connect = value
        }
        if let total = object["total"] {
            guard let value = total.duration(in: .milliseconds(10) ... .seconds(3600)) else { return nil }
            timeouts.total = value
        }
        if timeouts.connect > timeouts.total {
            (object["connect"] ?? node).problem(
                "connect (\(DurationText.format(timeouts.connect))) is longer than total (\(DurationText.format(timeouts.total)))")
            return nil
        }
        return timeouts
    }

    private static func readAuthentication(_ node: ConfigurationNode, environment: [String: String]) -> HTTPAuthentication? {
        guard let object = node.object(allowed: ["basic", "bearer"]) else { return nil }
        switch (object["basic"], object["bearer"]) {
        case (let basic?, nil):
            guard let fields = basic.object(allowed: ["username", "password_env"], required: ["username", "password_env"])
            else { return nil }
            let username = fields["username"]?.nonEmptyString()
            if let username, username.contains(":") || username.contains(where: \.isNewline) {
                fields["username"]?.problem("must not contain \":\" or line breaks (RFC 7617)")
                return nil
            }
            let password = fields["password_env"].flatMap { secret(named: $0, environment: environment) }
            guard let username, let password else { return nil }
            return .basic(username: username, password: password)
        case (nil, let bearer?):
            guard let fields = bearer.object(allowed: ["token_env"], required: ["token_env"]) else { return nil }
            guard let token = fields["token_env"].flatMap({ secret(named: $0, environment: environment) }) else {
                return nil
            }
            return .bearer(token: token)
        case (nil, nil):
            node.problem("expected one of basic or bearer")
            return nil
        case (_?, _?):
            node.problem("give either basic or bearer, not both")
            return nil
        }
    }

    /// The value of the environment variable this node names, which must be set, non-empty and fit
    /// into a header field. The value itself is never put in a message.
    private static func secret(named node: ConfigurationNode, environment: [String: String]) -> String? {
        guard let name = node.nonEmptyString() else { return nil }
        guard let value = environment[name] else {
            node.problem("environment variable \(name) is not set")
            return nil
        }
        guard !value.isEmpty else {
            node.problem("environment variable \(name) is empty")
            return nil
        }
        guard isValidHeaderValue(value) else {
            node.problem("environment variable \(name) contains a line break or control character")
            return nil
        }
        return value
    }

    private static func readStatuses(_ node: ConfigurationNode) -> Set<Int>? {
        guard let items = node.array() else { return nil }
        guard !items.isEmpty else {
            node.problem("must list at least one status (or be left out: any 2xx)")
            return nil
        }
        var statuses = Set<Int>()
        for item in items {
            guard let status = item.int(in: 100...599) else { continue }
            if (100...199).contains(status) {
                item.problem("\(status) is an interim status, never a final answer")
            }
            statuses.insert(status)
        }
        return statuses
    }

    private static func readReference(_ node: ConfigurationNode) -> ResponseReference? {
        guard let object = node.object(allowed: ["json", "xpath", "namespaces"]) else { return nil }
        switch (object["json"], object["xpath"]) {
        case (let json?, nil):
            if let namespaces = object["namespaces"] {
                namespaces.keyProblem("namespaces apply to xpath only")
                return nil
            }
            guard let text = json.nonEmptyString() else { return nil }
            do {
                return .json(try JSONPath(text))
            } catch {
                json.problem("\(error)")
                return nil
            }
        case (nil, let xpath?):
            let namespaces = object["namespaces"].map(readNamespaces) ?? [:]
            guard let text = xpath.nonEmptyString(), let namespaces else { return nil }
            do {
                return .xpath(try XPathExpression(text, namespaces: namespaces))
            } catch {
                xpath.problem("\(error)")
                return nil
            }
        case (nil, nil):
            node.problem("expected json (a JSONPath) or xpath")
            return nil
        case (_?, _?):
            node.problem("give either json or xpath, not both")
            return nil
        }
    }

    private static func readNamespaces(_ node: ConfigurationNode) -> [String: String]? {
        guard case .object(let object) = node.value else {
            node.problem("expected an object of prefix: namespace URI, found \(node.value.typeName)")
            return nil
        }
        var namespaces: [String: String] = [:]
        var valid = true
        for member in object.members {
            let child = ConfigurationNode(
                source: node.source, path: ValuePath(node.path.components + [.key(member.key)]), value: member.value,
                diagnostics: node.diagnostics)
            guard let uri = child.nonEmptyString() else {
                valid = false
                continue
            }
            namespaces[member.key] = uri
        }
        return valid ? namespaces : nil
    }

    private static func readSOAP(_ node: ConfigurationNode) -> SOAPSettings? {
        guard let object = node.object(allowed: ["version", "action", "permanent_fault_codes"], required: ["version"])
        else { return nil }
        let version = object["version"].flatMap { $0.oneOf(SOAPVersion.self, what: "SOAP version") }
        var action: String?
        if let node = object["action"], let text = node.nonEmptyString() {
            if isValidHeaderValue(text), !text.contains("\"") {
                action = text
            } else {
                node.problem("must not contain quotes, line breaks or control characters")
            }
        }
        var codes: [String]?
        if let node = object["permanent_fault_codes"], let items = node.array() {
            codes = items.compactMap { $0.nonEmptyString() }
        }
        guard let version else { return nil }
        return SOAPSettings(version: version, action: action, permanentFaultCodes: codes)
    }

    private static func readHeaders(
        _ node: ConfigurationNode, environment: [String: String], hasAuthentication: Bool, hasSOAP: Bool
    ) -> [(name: String, value: String)] {
        guard case .object(let object) = node.value else {
            node.problem("expected an object of header name: value or { env: \"VARIABLE\" }, found \(node.value.typeName)")
            return []
        }
        var headers: [(name: String, value: String)] = []
        for member in object.members {
            let field = ConfigurationNode(
                source: node.source, path: ValuePath(node.path.components + [.key(member.key)]), value: member.value,
                diagnostics: node.diagnostics)
            let name = member.key
            guard isToken(name) else {
                field.keyProblem("\"\(name)\" is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)")
                continue
            }
            if let reserved = reservedHeaders.first(where: { $0.lowercased() == name.lowercased() }) {
                field.keyProblem("\(reserved) is set by the connector itself")
                continue
            }
            if hasAuthentication, name.lowercased() == "authorization" {
                field.keyProblem("Authorization is set by auth; give one or the other")
                continue
            }
            if hasSOAP, ["content-type", "soapaction"].contains(name.lowercased()) {
                field.keyProblem("\(name) is set by soap; leave it out")
                continue
            }
            if headers.contains(where: { $0.name.lowercased() == name.lowercased() }) {
                field.keyProblem("header \(name) is given twice (names are case-insensitive)")
                continue
            }
            switch member.value {
            case .string(let value):
                guard isValidHeaderValue(value) else {
                    field.problem("must not contain line breaks or control characters")
                    continue
                }
                headers.append((name, value))
            case .object:
                guard let source = field.object(allowed: ["env"], required: ["env"]),
                    let value = source["env"].flatMap({ secret(named: $0, environment: environment) })
                else { continue }
                headers.append((name, value))
            default:
                field.problem("expected a string or { env: \"VARIABLE\" }, found \(member.value.typeName)")
            }
        }
        return headers
    }

    /// RFC 9110 §5.6.2 token: what a field name is made of.
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
    }

    /// RFC 9110 §5.5: no CR, LF, NUL or other controls (HTAB allowed), so no value can split the request.
    static func isValidHeaderValue(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == "\t" || ($0.value >= 0x20 && $0.value != 0x7F) }
    }
}
