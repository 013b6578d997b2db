/// The store's schema: every migration, oldest first. Add new versions at the end; never edit a released one.
public enum Schema {
    /// Marks a database file as a Caseway store (`PRAGMA application_id`, "CWAY").
    public static let applicationID: Int32 = 0x4357_4159

    /// The schema version this build creates and understands.
    public static var latestVersion: Int { migrations.last?.version ?? 0 }

    /// All migrations in order.
    public static let migrations: [Migration] = [version1, version2]

    /// Cases, idempotency keys, updates, deliveries and attempts; all tables STRICT.
    ///
    /// Times are INTEGER milliseconds since the epoch; ids are UUIDv7 text (time-ordered).
    static let version1 = Migration(version: 1, summary: "cases, idempotency keys, updates, deliveries, attempts", script: """
        CREATE TABLE cases (
            id                TEXT    NOT NULL PRIMARY KEY,
            received_at       INTEGER NOT NULL,
            client            TEXT    NOT NULL,
            content_type      TEXT    NOT NULL,
            sender_reference  TEXT,
            body              BLOB    NOT NULL,
            body_sha256       BLOB    NOT NULL CHECK (length(body_sha256) = 32)
        ) STRICT;

        -- Finding a case by the reference the front office gave it.
        CREATE INDEX cases_by_sender_reference ON cases (client, sender_reference)
            WHERE sender_reference IS NOT NULL;

        -- A client's retry of the same submission finds its case here instead of making a second one.
        CREATE TABLE idempotency_keys (
            client       TEXT    NOT NULL,
            key          TEXT    NOT NULL,
            body_sha256  BLOB    NOT NULL CHECK (length(body_sha256) = 32),
            case_id      TEXT    NOT NULL REFERENCES cases (id),
            created_at   INTEGER NOT NULL,
            PRIMARY KEY (client, key)
        ) STRICT, WITHOUT ROWID;

        CREATE INDEX idempotency_keys_by_case ON idempotency_keys (case_id);

        -- Status changes on a case; seq is the position in the update feed (a cursor for readers).
        CREATE TABLE updates (
            id                    TEXT    NOT NULL PRIMARY KEY,
            seq                   INTEGER NOT NULL UNIQUE,
            case_id               TEXT    NOT NULL REFERENCES cases (id),
            client                TEXT    NOT NULL,
            sender_update_id      TEXT    NOT NULL,
            status                TEXT    NOT NULL,
            external_status_code  TEXT,
            description           TEXT,
            updated_at            TEXT    NOT NULL,
            updated_at_ms         INTEGER NOT NULL,
            reference             TEXT,
            received_at           INTEGER NOT NULL,
            body_sha256           BLOB    NOT NULL CHECK (length(body_sha256) = 32),
            UNIQUE (client, sender_update_id)
        ) STRICT;

        CREATE INDEX updates_by_case ON updates (case_id, seq);

        -- One case (or one update of it) on its way to one connector.
        -- due_at is when the hub next looks at the delivery: while pending, when it is due; while
        -- leased, when the lease runs out (equal to lease_until). One index then serves the claim.
        CREATE TABLE deliveries (
            id                    TEXT    NOT NULL PRIMARY KEY,
            case_id               TEXT    NOT NULL REFERENCES cases (id),
            update_id             TEXT    REFERENCES updates (id),
            connector             TEXT    NOT NULL,
            sequence              INTEGER NOT NULL CHECK (sequence >= 1),
            state                 TEXT    NOT NULL CHECK (state IN ('pending', 'leased', 'delivered', 'dead')),
            due_at                INTEGER NOT NULL,
            lease_owner           TEXT,
            lease_until           INTEGER,
            attempt_count         INTEGER NOT NULL DEFAULT 0 CHECK (attempt_count >= 0),
            created_at            INTEGER NOT NULL,
            updated_at            INTEGER NOT NULL,
            last_error            TEXT,
            backoffice_reference  TEXT,
            dead_reason           TEXT,
            replay_of             TEXT    REFERENCES deliveries (id),
            -- Deliveries of one case to one connector happen in this order.
            UNIQUE (case_id, connector, sequence),
            CHECK ((state = 'leased') = (lease_owner IS NOT NULL AND lease_until IS NOT NULL)),
            CHECK (state <> 'dead' OR dead_reason IS NOT NULL)
        ) STRICT;

        -- Matches the claim: connector, unfinished, due_at <= now, ORDER BY due_at, id.
        CREATE INDEX deliveries_due ON deliveries (connector, due_at, id)
            WHERE state IN ('pending', 'leased');

        -- Dead letters by connector, for operators.
        CREATE INDEX deliveries_dead ON deliveries (connector, updated_at)
            WHERE state = 'dead';

        CREATE INDEX deliveries_by_update ON deliveries (update_id) WHERE update_id IS NOT NULL;
        CREATE INDEX deliveries_by_replay ON deliveries (replay_of) WHERE replay_of IS NOT NULL;

        -- Every try of a delivery.
        CREATE TABLE attempts (
            id           TEXT    NOT NULL PRIMARY KEY,
            delivery_id  TEXT    NOT NULL REFERENCES deliveries (id),
            started_at   INTEGER NOT NULL,
            duration_ms  INTEGER NOT NULL CHECK (duration_ms >= 0),
            outcome      TEXT    NOT NULL CHECK (outcome IN ('delivered', 'retry', 'dead')),
            http_status  INTEGER,
            error        TEXT,
            reference    TEXT
        ) STRICT;

        CREATE INDEX attempts_by_delivery ON attempts (delivery_id, started_at);
        """)

    /// Dead letters an operator can act on: the mapped payload of the last failed attempt (so a dead
    /// letter shows what was sent), and a resolution, so that a replayed or discarded dead letter leaves
    /// the list but stays in the store as history.
    static let version2 = Migration(version: 2, summary: "dead letters: payload, resolution", script: """
        ALTER TABLE deliveries ADD COLUMN payload BLOB;
        ALTER TABLE deliveries ADD COLUMN payload_content_type TEXT;
        -- Only a dead letter is resolved; NULL while it waits for an operator.
        ALTER TABLE deliveries ADD COLUMN resolution TEXT
            CHECK (resolution IS NULL OR (resolution IN ('replayed', 'discarded') AND state = 'dead'));
        ALTER TABLE deliveries ADD COLUMN resolved_at INTEGER;

        -- Open dead letters only, in the list's order (updated_at, id): one index for the unfiltered
        -- list, one led by connector for the connector filter. Resolved ones drop out of both.
        DROP INDEX deliveries_dead;
        CREATE INDEX deliveries_dead ON deliveries (updated_at, id)
            WHERE state = 'dead' AND resolution IS NULL;
        CREATE INDEX deliveries_dead_by_connector ON deliveries (connector, updated_at, id)
            WHERE state = 'dead' AND resolution IS NULL;
        """)
}
