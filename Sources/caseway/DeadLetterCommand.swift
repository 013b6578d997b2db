import Caseway
import CasewayStore
import Foundation

extension CommandSpec {
    /// `caseway dlq`: list, show, replay and discard dead letters, on the hub's data directory.
    static let dlq = CommandSpec(
        name: "dlq",
        synopsis: "dlq list|show ID|replay ID...|replay --connector NAME|discard ID [--config FILE] [--data DIR]",
        summary: "List, show, replay or discard dead letters.",
        details: """
            A dead letter is a delivery that will not be retried by itself any more. It stays until it is
            replayed or discarded; nothing expires by itself (docs/operations.md).

              dlq list [--connector NAME] [--reason R] [--case ID] [--limit N] [--cursor C] [--json]
              dlq show ID [--json]          the dead letter, its case, attempts and payloads
              dlq replay ID...              send again as new deliveries (the current mapping is used)
              dlq replay --connector NAME   replay every open dead letter of a connector
              dlq discard ID                give it up; it leaves the list and stays as history

            Reasons: \(DeadLetterReason.allCases.map(\.rawValue).joined(separator: ", ")).
            Works on the store in the data directory (the configuration's, or --data), whether or not
            the hub is running; a running hub picks replayed deliveries up within a second.
            Exit status: 0 done, 1 an id was not found or a replay failed, 2 on a usage error.
            """,
        flags: [
            .value("config", "FILE", "the hub configuration (default: caseway.json5)"),
            .value("data", "DIR", "the hub's data directory instead of the configuration's"),
            .value("connector", "NAME", "list: only this connector's; replay: all of this connector's"),
            .value("reason", "R", "list: only those dead for this reason"),
            .value("case", "ID", "list: only this case's"),
            .value("limit", "N", "list: at most N (1 to 500, default 100)"),
            .value("cursor", "C", "list: the page after this cursor (printed under a full page)"),
            .toggle("json", "print JSON (list, show, replay) as the API answers"),
        ],
        maxPositionals: 1 + DeadLetters.maxReplayBatch,
        run: { arguments in await DeadLetterConsole.run(arguments) })
}
