import Caseway
import CasewayMapping
import Foundation

extension CommandSpec {
    /// `caseway route [INPUT|-]`: which connectors would take a case, and the condition that decided.
    static let route = CommandSpec(
        name: "route",
        synopsis: "route [INPUT|-] [--config FILE] [--content-type TYPE] [--client NAME]",
        summary: "Show which connectors would take a case, and which condition decided.",
        details: """
            INPUT is a case body (JSON or XML) in a file, or - (the default) for standard input. Its type comes
            from --content-type, else the file's extension (.json, .xml), else its first character ({ or <).
            The body goes through the intake's checks first: one the hub would refuse says why.
            Then one line per connector: whether it takes the case, the deciding condition with its file:line:column,
            and what the case holds there. A case no connector takes would become a dead letter (no_route).
            Exit status: 0 at least one connector takes it, 1 none does or the configuration or the body has
            problems, 2 on a usage error.
            """,
        flags: [
            .value("config", "FILE", "the hub configuration (default: caseway.json5)"),
            .value("content-type", "TYPE", "the body's media type, e.g. application/xml (default: guessed)"),
            .value("client", "NAME", "the submitting client, for conditions on client (default: the first client)"),
        ],
        maxPositionals: 1,
        run: { arguments in
            let path = arguments.values["config"] ?? "caseway.json5"
            let configuration: Configuration
            do throws(ConfigurationError) {
                configuration = try Configuration.load(path: path)
            } catch {
                StandardError.write(error.description)
                return ExitCode.failure
            }
            let inputPath = arguments.positionals.first ?? "-"
            let body: [UInt8]
            if inputPath == "-" {
                body = Array(FileHandle.standardInput.readDataToEndOfFile())
            } else {
                guard let data = FileManager.default.contents(atPath: inputPath) else {
                    StandardError.write("caseway route: cannot read \(inputPath)")
                    return ExitCode.failure
                }
                body = Array(data)
            }
            let contentType = arguments.values["content-type"] ?? guessedContentType(path: inputPath, body: body)
            let client = arguments.values["client"] ?? configuration.hub.clients.first?.name ?? "caseway-route"
            let checked: CheckedSubmission
            do throws(CaseIntakeError) {
                checked = try IntakeCheck(settings: configuration.hub.intake).check(
                    CaseSubmission(client: client, contentType: contentType, body: body, idempotencyKey: nil))
            } catch {
                StandardError.write("caseway route: the hub would refuse this case: \(refusal(error))")
                return ExitCode.failure
            }
            let explanations = RoutingTable(connectors: configuration.connectors).explain(checked.document)
            for explanation in explanations { print(explanation.description) }
            guard explanations.contains(where: \.takes) else {
                print("no connector takes this case: it would become a dead letter with reason no_route")
                return ExitCode.failure
            }
            return ExitCode.success
        })
}

/// The media type a body most likely has when none was given: by extension, then by its first character.
/// Nil when neither says (the intake check then refuses it, as the hub would a request without one).
private func guessedContentType(path: String, body: [UInt8]) -> String? {
    switch (path as NSString).pathExtension.lowercased() {
    case "json": return "application/json"
    case "xml": return "application/xml"
    default: break
    }
    let spaces: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
    // A UTF-8 byte-order mark is skipped like white space: editors on Windows write one.
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let start = body.starts(with: bom) ? 3 : 0
    switch body[start...].first(where: { !spaces.contains($0) }) {
    case UInt8(ascii: "{"), UInt8(ascii: "["): return "application/json"
    case UInt8(ascii: "<"): return "application/xml"
    default: return nil
    }
}

/// Why the intake would refuse a body, as the API's problem detail would say it.
private func refusal(_ error: CaseIntakeError) -> String {
    switch error {
    case .unsupportedMediaType(let reason): reason
    case .malformed(let reason): reason
    case .invalid(let fields): "invalid fields: " + fields.map(\.description).joined(separator: "; ")
    case .invalidIdempotencyKey(let reason): reason
    case .idempotencyKeyReused(let caseID): "idempotency key already used for case \(caseID)"
    case .storeUnavailable(let reason): reason
    }
}
