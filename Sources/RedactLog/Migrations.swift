import Foundation
import GRDB

/// The versioned schema of the SQLite log (GRDB `DatabaseMigrator`).
///
/// Each migration's SQL is written out literally and never edited once released: a log created
/// by an older binary must migrate to exactly the schema a new one creates. ``Schema`` describes
/// the result and `SchemaTests` checks the two agree column by column.
///
/// Why the SQL looks the way it does:
/// - `STRICT` tables: SQLite otherwise coerces `'12'` into `12` in an INTEGER column, and the hash
///   chain would then see a different value from the one the writer hashed.
/// - Child tables with several rows per entry are `WITHOUT ROWID`, clustered on `(seq, ordinal)`:
///   appends write in key order and `verify` reads them back in chain order without a sort.
/// - Triggers refuse `UPDATE` and `DELETE` on every table: the log has no edit path, and a
///   mistaken `sqlite3` session cannot silently change history (a deliberate tamperer who drops
///   the triggers is caught by `verify`).
/// - Few indices: every index is one more page written per append, and the append path must
///   sustain 5,000 events per second. `entry_id` is unique (imports and corrections look it up;
///   ids are time-ordered UUIDs so the index grows at its right edge), breaches are indexed by
///   `(breach_id, version)` and by stage. There is no index on `entry (area, recorded_at)`: the
///   area packs aggregate whole periods, which is a scan anyway (about 0.3 s per million entries);
///   a later migration can add one if a query needs it.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: v1)
            try db.execute(
                sql: "INSERT INTO log_meta (key, value) VALUES ('log_id', ?), ('created_at', ?), ('format', 'redact-log/1')",
                arguments: [UUID().uuidString.lowercased(), LogTime.format(Date())])
        }
        m.registerMigration("v2-profiles") { db in try db.execute(sql: v2Profiles) }
        m.registerMigration("v2-qa-check") { db in try db.execute(sql: qaCheckSQL) }
        m.registerMigration("v3-access") { db in try db.execute(sql: v3AccessSQL) }
        return m
    }

    /// Sharing profiles, decisions to keep and section 14 (issue 6). Only nullable columns are
    /// added: NULL fields are left out of the canonical encoding, so entries written before this
    /// migration keep their hashes and the chain still verifies.
    static let v2Profiles = """
        ALTER TABLE disclosure ADD COLUMN profile TEXT;
        ALTER TABLE disclosure ADD COLUMN profile_version TEXT;
        ALTER TABLE disclosure ADD COLUMN section14 TEXT;
        ALTER TABLE disclosure ADD COLUMN basis TEXT;
        ALTER TABLE redaction ADD COLUMN reason TEXT;
        """

    /// Version 1 of the schema.
    static let v1 = """
        CREATE TABLE log_meta (
            key TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;

        CREATE TABLE entry (
            seq INTEGER PRIMARY KEY,
            entry_id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            area TEXT NOT NULL,
            corrects TEXT,
            origin_log TEXT,
            origin_seq INTEGER,
            origin_prev_hash TEXT,
            origin_hash TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        ) STRICT;

        CREATE TABLE disclosure (
            seq INTEGER PRIMARY KEY REFERENCES entry (seq),
            disclosed_at TEXT NOT NULL,
            unit TEXT,
            case_ref TEXT NOT NULL,
            document_name TEXT NOT NULL,
            original_sha256 TEXT NOT NULL,
            redacted_sha256 TEXT NOT NULL,
            operator TEXT NOT NULL,
            second_checker TEXT,
            recipient TEXT NOT NULL,
            pack_version TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            redaction_count INTEGER NOT NULL,
            text_scanner TEXT NOT NULL,
            text_redactions INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE redaction (
            seq INTEGER NOT NULL REFERENCES entry (seq),
            ordinal INTEGER NOT NULL,
            category TEXT NOT NULL,
            rule TEXT NOT NULL,
            byte_start INTEGER NOT NULL,
            byte_end INTEGER NOT NULL,
            style TEXT NOT NULL,
            justification TEXT NOT NULL,
            value_hmac TEXT,
            PRIMARY KEY (seq, ordinal)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE breach_version (
            seq INTEGER PRIMARY KEY REFERENCES entry (seq),
            breach_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            stage TEXT NOT NULL,
            breach_type TEXT NOT NULL,
            severity TEXT,
            unit TEXT,
            case_ref TEXT,
            source_org TEXT,
            document_name TEXT,
            document_sha256 TEXT,
            occurred_at TEXT,
            became_aware_at TEXT NOT NULL,
            detected_at TEXT,
            data_subjects INTEGER,
            records INTEGER,
            facts TEXT,
            effects TEXT,
            remedial_action TEXT,
            ico_reportable INTEGER,
            ico_decision_reason TEXT,
            ico_decided_at TEXT,
            ico_reported_at TEXT,
            minutes_to_report INTEGER,
            deadline_met INTEGER,
            late_reason TEXT,
            subjects_informed INTEGER,
            status TEXT NOT NULL,
            recorded_via TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            pack_version TEXT,
            tool_version TEXT,
            text_scanner TEXT NOT NULL,
            text_redactions INTEGER NOT NULL,
            UNIQUE (breach_id, version)
        ) STRICT;
        CREATE INDEX breach_version_stage ON breach_version (stage, status);

        CREATE TABLE breach_category (
            seq INTEGER NOT NULL REFERENCES entry (seq),
            ordinal INTEGER NOT NULL,
            category TEXT NOT NULL,
            findings INTEGER,
            PRIMARY KEY (seq, ordinal)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE breach_link (
            seq INTEGER NOT NULL REFERENCES entry (seq),
            ordinal INTEGER NOT NULL,
            entry_id TEXT NOT NULL,
            PRIMARY KEY (seq, ordinal)
        ) STRICT, WITHOUT ROWID;

        -- For the area packs: per-event counts by category, and each breach's latest version.
        CREATE VIEW disclosure_category_count AS
            SELECT seq, category, COUNT(*) AS redactions FROM redaction GROUP BY seq, category;
        CREATE VIEW breach_latest AS
            SELECT b.* FROM breach_version b
            WHERE b.version = (SELECT MAX(version) FROM breach_version WHERE breach_id = b.breach_id);

        CREATE TRIGGER log_meta_no_update BEFORE UPDATE ON log_meta BEGIN SELECT RAISE(ABORT, 'the redact log is append-only'); END;
        CREATE TRIGGER log_meta_no_delete BEFORE DELETE ON log_meta BEGIN SELECT RAISE(ABORT, 'the redact log is append-only'); END;
        CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry BEGIN SELECT RAISE(ABORT, 'the redact log is append-only'); END;
        CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry BEGIN SELECT RAISE(ABORT, 'the redact log is append-only'); END;
        CREATE TRIGGER disclosure_no_update BEFORE UPDATE ON disclosure BEGIN SELECT RAISE(ABORT, 'the redact log is append-only'); END;
        CREATE TRIGGER disclosure_no_delete BEFORE DELETE ON disclosure BEGIN SELECT RAISE(ABORT, 'the redact log is append-only'); END;
        CREATE TRIGGER redaction_no_update BEFORE UPDATE ON redaction BEGIN SELECT RAISE(ABORT, 'the redact log is append-only'); END;
        CREATE TRIGGER redaction_no_delete BEFORE DELETE ON redaction BEGIN SELECT RAISE(ABORT, 'the redact log is append-only'); END;
        CREATE TRIGGER breach_version_no_update BEFORE UPDATE ON breach_version BEGIN SELECT RAISE(ABORT, 'the redact log is append-only'); END;
        CREATE TRIGGER breach_version_no_delete BEFORE DELETE ON breach_version BEGIN SELECT RAISE(ABORT, 'the redact log is append-only'); END;
        CREATE TRIGGER breach_category_no_update BEFORE UPDATE ON breach_category BEGIN SELECT RAISE(ABORT, 'the redact log is append-only'); END;
        CREATE TRIGGER breach_category_no_delete BEFORE DELETE ON breach_category BEGIN SELECT RAISE(ABORT, 'the redact log is append-only'); END;
        CREATE TRIGGER breach_link_no_update BEFORE UPDATE ON breach_link BEGIN SELECT RAISE(ABORT, 'the redact log is append-only'); END;
        CREATE TRIGGER breach_link_no_delete BEFORE DELETE ON breach_link BEGIN SELECT RAISE(ABORT, 'the redact log is append-only'); END;
        """
}
