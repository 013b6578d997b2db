import Caseway
import CasewayMapping
import CasewayStore
import Foundation

/// What `caseway dlq` does once its command line is parsed: one action against the data directory's store.
enum DeadLetterConsole {
    static let actions = ["list", "show", "replay", "discard"]
    /// Which flags besides --config, --data and --json each action takes.
    static let actionFlags: [String: Set<String>] = [
        "list": ["connector", "reason", "case", "limit", "cursor"], "show": [], "replay": ["connector"], "discard": [],
    ]

    static func run(_ arguments: ParsedArguments) async -> Int32 {
        let action: Action
        do {
            action = try Action.parse(arguments)
        } catch {
            StandardError.write("caseway dlq: \(error)\nusage: caseway \(CommandSpec.dlq.synopsis)")
            return ExitCode.usage
        }
        guard let (service, store) = open(arguments) else { return ExitCode.failure }
        let json = arguments.toggles.contains("json")
        let status: Int32
        do {
            switch action {
            case .list(let filter, let cursor, let limit):
                status = try await list(service, filter: filter, cursor: cursor, limit: limit, json: json)
            case .show(let id):
                status = try await show(service, id: id, json: json)
            case .replayIDs(let ids):
                status = report(try await service.replay(ids: ids), json: json, what: nil)
            case .replayConnector(let connector):
                status = report(try await service.replay(connector: connector), json: json, what: connector)
            case .discard(let id):
                if try await service.discard(id: id) {
                    print("discarded \(id.text)")
                    status = ExitCode.success
                } else {
                    StandardError.write("caseway dlq discard: \(id.text): \(notOpen)")
                    status = ExitCode.failure
                }
            }
        } catch {
            StandardError.write("caseway dlq: \(error)")
            status = ExitCode.failure
        }
        await store.close()
        return status
    }

    static let notOpen = "no open dead letter with this id (unknown, or already replayed or discarded)"

    // MARK: Opening

    /// The service on the store of the data directory; nil (after saying why) when it cannot be opened.
    private static func open(_ arguments: ParsedArguments) -> (DeadLetters, Store)? {
        let configPath = arguments.values["config"] ?? "caseway.json5"
        var configuration: Configuration?
        do throws(ConfigurationError) {
            configuration = try Configuration.load(path: configPath)
        } catch {
            // With --data the store can still be read; only routing a no_route dead letter needs the configuration.
            guard arguments.values["data"] != nil else {
                StandardError.write(error.description)
                StandardError.write("caseway dlq: the configuration has problems; fix them or give the data directory with --data")
                return nil
            }
            StandardError.write("caseway dlq: warning: \(configPath) not loaded (\(counted(error.problems.count, "problem"))); no_route dead letters cannot be rerouted")
        }
        let directory = arguments.values["data"] ?? configuration?.hub.dataDirectory.path ?? "data"
        let file = (directory as NSString).appendingPathComponent(Store.fileName)
        // Opening a store creates it; a mistyped directory must not become a new, empty store.
        guard FileManager.default.fileExists(atPath: file) else {
            StandardError.write("caseway dlq: no store in \(directory) (\(Store.fileName) not found); check --data or the configuration's data_directory")
            return nil
        }
        do {
            // One reader is enough, and the hub (if running) has already checked the file on open.
            let store = try Store(directory: directory, configuration: Store.Configuration(
                queueCapacity: 16, maxBatchSize: 16, readerCount: 1, checkIntegrityOnOpen: false))
            return (DeadLetters(store: store, reroute: DeadLetterRouting.reroute(configuration)), store)
        } catch {
            StandardError.write("caseway dlq: \(error)")
            return nil
        }
    }

    // MARK: Actions

    private static func list(_ service: DeadLetters, filter: DeadLetterFilter, cursor: DeadLetterCursor?, limit: Int,
                             json: Bool) async throws -> Int32 {
        let page = try await service.list(filter: filter, after: cursor, limit: limit)
        if json {
            print(JSONWriter(prettyPrinted: true).string(page.json))
            return ExitCode.success
        }
        guard !page.deadLetters.isEmpty else {
            print(cursor == nil ? "no open dead letters" : "no more open dead letters")
            return ExitCode.success
        }
        let header = ["ID", "CONNECTOR", "REASON", "ATTEMPTS", "DEAD SINCE", "CASE", "LAST ERROR"]
        let rows = page.deadLetters.map { delivery in
            [delivery.id.text, delivery.connector, delivery.deadReason ?? "", String(delivery.attemptCount),
             delivery.updatedAt.description, delivery.caseID.text, oneLine(delivery.lastError ?? "", max: 60)]
        }
        print(table([header] + rows), terminator: "")
        print("\(counted(page.deadLetters.count, "dead letter")) shown")
        if let next = page.nextCursor { print("more: caseway dlq list --cursor \(next.description) (with the same filters)") }
        return ExitCode.success
    }

    private static func show(_ service: DeadLetters, id: RecordID, json: Bool) async throws -> Int32 {
        guard let detail = try await service.show(id: id) else {
            StandardError.write("caseway dlq show: \(id.text): \(notOpen)")
            return ExitCode.failure
        }
        if json {
            print(JSONWriter(prettyPrinted: true).string(detail.json))
            return ExitCode.success
        }
        let delivery = detail.delivery
        let record = detail.caseRecord
        var fields: [(String, String)] = [
            ("dead letter", delivery.id.text), ("connector", delivery.connector), ("reason", delivery.deadReason ?? ""),
            ("last error", delivery.lastError.map { oneLine($0, max: 500) } ?? "-"), ("attempts", String(delivery.attemptCount)),
            ("created", delivery.createdAt.description), ("dead since", delivery.updatedAt.description),
            ("case", record.id.text), ("client", record.client), ("sender reference", record.senderReference ?? "-"),
            ("received", record.receivedAt.description),
        ]
        if let update = delivery.updateID { fields.append(("update", update.text)) }
        if let replayOf = delivery.replayOf { fields.append(("replay of", replayOf.text)) }
        for replay in detail.replays { fields.append(("replayed as", "\(replay.id.text) (\(replay.connector), \(replay.state.rawValue))")) }
        let width = fields.map(\.0.count).max() ?? 0
        var text = fields.map { $0.0.padding(to: width) + "  " + $0.1 }.joined(separator: "\n") + "\n"
        text += "\nattempts:\n"
        if detail.attempts.isEmpty { text += "  (none recorded)\n" }
        for attempt in detail.attempts {
            var line = "  \(attempt.startedAt)  \(attempt.outcome.rawValue)  \(attempt.durationMilliseconds) ms"
            if let status = attempt.httpStatus { line += "  HTTP \(status)" }
            if let error = attempt.error { line += "  \(oneLine(error, max: 200))" }
            if let reference = attempt.reference { line += "  ref \(reference)" }
            text += line + "\n"
        }
        text += "\n" + body("original body", record.body, contentType: record.contentType)
        if let payload = delivery.payload {
            text += "\n" + body("mapped payload", payload, contentType: delivery.payloadContentType)
        } else {
            text += "\nmapped payload: none kept (the mapping runs again when it is replayed)\n"
        }
        print(text, terminator: "")
        return ExitCode.success
    }

    private static func report(_ report: DeadLetterReplayReport, json: Bool, what connector: String?) -> Int32 {
        if json {
            print(JSONWriter(prettyPrinted: true).string(report.json))
        } else {
            for replay in report.replayed {
                let targets = replay.deliveries.map { "\($0.id.text) (\($0.connector))" }.joined(separator: ", ")
                print("replayed \(replay.deadLetter.text) as \(targets)")
            }
            if let connector {
                print("\(counted(report.replayed.count, "dead letter")) of \(connector) replayed, \(report.failed.count) failed")
            }
        }
        for failure in report.failed {
            StandardError.write("caseway dlq replay: \(failure.id.text): \(failure.reason)")
        }
        return report.failed.isEmpty ? ExitCode.success : ExitCode.failure
    }

    // MARK: Text

    /// Columns padded to their widest cell, two spaces apart.
    static func table(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in index == row.count - 1 ? cell : cell.padding(to: widths[index]) }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// `text` on one line (control characters as spaces) and cut to `max` characters.
    static func oneLine(_ text: String, max: Int) -> String {
        let flat = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return flat.count <= max ? flat : String(flat.prefix(max - 1)) + "…"
    }

    private static func body(_ title: String, _ bytes: [UInt8], contentType: String?) -> String {
        let heading = "\(title) (\(contentType ?? "no content type"), \(counted(bytes.count, "byte"))):\n"
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return heading + "  (not UTF-8 text; --json shows it as base64)\n"
        }
        return heading + text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
}
