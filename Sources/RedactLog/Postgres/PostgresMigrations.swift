import Foundation

/// The log's schema in PostgreSQL: the same migrations as the SQLite log (``Migrations``), under
/// the same identifiers, creating the same tables and columns in the same order, so that
/// ``Schema`` (what the hash chain encodes) describes both. `PostgresSchemaTests` compares the
/// two column by column. Migrations named `pg-...` are PostgreSQL's own and add indexes only
/// (``postgresOnlyPrefix``); every other identifier is SQLite's.
///
/// Differences of dialect, and why:
/// - `BIGINT` for SQLite's `INTEGER` (64-bit in both) and no `STRICT` (PostgreSQL never coerces
///   types).
/// - Every text column is `COLLATE "C"`: byte order, as SQLite compares, so `recorded_at`
///   windows and area sort orders agree between the backends whatever the server's locale.
/// - Append-only is one trigger function raising an error on `UPDATE`, `DELETE` and `TRUNCATE`.
/// - Two indices SQLite does not have: `entry (recorded_at)` and `entry (area, recorded_at)`.
///   The national log holds every area for years and the packs read one period of it; in one
///   area's file a scan of the period is cheap, over the national log it is not. Migration
///   `pg-pack-indexes` (PostgreSQL only) adds the two the packs need beyond those.
enum PostgresMigrations {
    static let log = PGMigrator(set: "log", migrations: [
        .init(identifier: "v1", sql: v1) { c in
            // As SQLite's v1: the log's id (its chain's genesis derives from it) and creation time.
            try c.query("INSERT INTO log_meta (key, value) VALUES ('log_id', $1), ('created_at', $2), ('format', 'redact-log/1')",
                        [.text(UUID().uuidString.lowercased()), .text(LogTime.format(Date()))])
        },
        .init(identifier: "v2-profiles", sql: v2Profiles),
        .init(identifier: "v2-qa-check", sql: qaCheck),
        .init(identifier: "v3-access", sql: access),
        .init(identifier: "pg-pack-indexes", sql: packIndexes),
    ])

    /// Marks a migration SQLite's log does not have: indexes for the national log's workload,
    /// never a table or a column (those must stay the chain's ``Schema``, on both backends).
    static let postgresOnlyPrefix = "pg-"

    static let v1 = """

        CREATE TABLE log_meta (
            key TEXT COLLATE "C" NOT NULL PRIMARY KEY,
            value TEXT COLLATE "C" NOT NULL
        );

        CREATE TABLE entry (
            seq BIGINT PRIMARY KEY,
            entry_id TEXT COLLATE "C" NOT NULL UNIQUE,
            kind TEXT COLLATE "C" NOT NULL,
            recorded_at TEXT COLLATE "C" NOT NULL,
            area TEXT COLLATE "C" NOT NULL,
            corrects TEXT COLLATE "C",
            origin_log TEXT COLLATE "C",
            origin_seq BIGINT,
            origin_prev_hash TEXT COLLATE "C",
            origin_hash TEXT COLLATE "C",
            prev_hash TEXT COLLATE "C" NOT NULL,
            hash TEXT COLLATE "C" NOT NULL
        );

        CREATE TABLE disclosure (
            seq BIGINT PRIMARY KEY REFERENCES entry (seq),
            disclosed_at TEXT COLLATE "C" NOT NULL,
            unit TEXT COLLATE "C",
            case_ref TEXT COLLATE "C" NOT NULL,
            document_name TEXT COLLATE "C" NOT NULL,
            original_sha256 TEXT COLLATE "C" NOT NULL,
            redacted_sha256 TEXT COLLATE "C" NOT NULL,
            operator TEXT COLLATE "C" NOT NULL,
            second_checker TEXT COLLATE "C",
            recipient TEXT COLLATE "C" NOT NULL,
            pack_version TEXT COLLATE "C" NOT NULL,
            tool_version TEXT COLLATE "C" NOT NULL,
            redaction_count BIGINT NOT NULL,
            text_scanner TEXT COLLATE "C" NOT NULL,
            text_redactions BIGINT NOT NULL
        );

        CREATE TABLE redaction (
            seq BIGINT NOT NULL REFERENCES entry (seq),
            ordinal BIGINT NOT NULL,
            category TEXT COLLATE "C" NOT NULL,
            rule TEXT COLLATE "C" NOT NULL,
            byte_start BIGINT NOT NULL,
            byte_end BIGINT NOT NULL,
            style TEXT COLLATE "C" NOT NULL,
            justification TEXT COLLATE "C" NOT NULL,
            value_hmac TEXT COLLATE "C",
            PRIMARY KEY (seq, ordinal)
        );

        CREATE TABLE breach_version (
            seq BIGINT PRIMARY KEY REFERENCES entry (seq),
            breach_id TEXT COLLATE "C" NOT NULL,
            version BIGINT NOT NULL,
            stage TEXT COLLATE "C" NOT NULL,
            breach_type TEXT COLLATE "C" NOT NULL,
            severity TEXT COLLATE "C",
            unit TEXT COLLATE "C",
            case_ref TEXT COLLATE "C",
            source_org TEXT COLLATE "C",
            document_name TEXT COLLATE "C",
            document_sha256 TEXT COLLATE "C",
            occurred_at TEXT COLLATE "C",
            became_aware_at TEXT COLLATE "C" NOT NULL,
            detected_at TEXT COLLATE "C",
            data_subjects BIGINT,
            records BIGINT,
            facts TEXT COLLATE "C",
            effects TEXT COLLATE "C",
            remedial_action TEXT COLLATE "C",
            ico_reportable BIGINT,
            ico_decision_reason TEXT COLLATE "C",
            ico_decided_at TEXT COLLATE "C",
            ico_reported_at TEXT COLLATE "C",
            minutes_to_report BIGINT,
            deadline_met BIGINT,
            late_reason TEXT COLLATE "C",
            subjects_informed BIGINT,
            status TEXT COLLATE "C" NOT NULL,
            recorded_via TEXT COLLATE "C" NOT NULL,
            recorded_by TEXT COLLATE "C" NOT NULL,
            pack_version TEXT COLLATE "C",
            tool_version TEXT COLLATE "C",
            text_scanner TEXT COLLATE "C" NOT NULL,
            text_redactions BIGINT NOT NULL,
            UNIQUE (breach_id, version)
        );
        CREATE INDEX breach_version_stage ON breach_version (stage, status);

        CREATE TABLE breach_category (
            seq BIGINT NOT NULL REFERENCES entry (seq),
            ordinal BIGINT NOT NULL,
            category TEXT COLLATE "C" NOT NULL,
            findings BIGINT,
            PRIMARY KEY (seq, ordinal)
        );

        CREATE TABLE breach_link (
            seq BIGINT NOT NULL REFERENCES entry (seq),
            ordinal BIGINT NOT NULL,
            entry_id TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (seq, ordinal)
        );

        -- For the area packs: per-event counts by category, and each breach's latest version.
        CREATE VIEW disclosure_category_count AS
            SELECT seq, category, COUNT(*) AS redactions FROM redaction GROUP BY seq, category;
        CREATE VIEW breach_latest AS
            SELECT b.* FROM breach_version b
            WHERE b.version = (SELECT MAX(version) FROM breach_version WHERE breach_id = b.breach_id);

        CREATE INDEX entry_recorded ON entry (recorded_at);
        CREATE INDEX entry_area_recorded ON entry (area, recorded_at);

        CREATE FUNCTION redact_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the redact log is append-only' USING ERRCODE = 'P0001';
        END $$;
        CREATE TRIGGER log_meta_append_only BEFORE UPDATE OR DELETE ON log_meta FOR EACH ROW EXECUTE FUNCTION redact_append_only();
        CREATE TRIGGER log_meta_no_truncate BEFORE TRUNCATE ON log_meta FOR EACH STATEMENT EXECUTE FUNCTION redact_append_only();
        CREATE TRIGGER entry_append_only BEFORE UPDATE OR DELETE ON entry FOR EACH ROW EXECUTE FUNCTION redact_append_only();
        CREATE TRIGGER entry_no_truncate BEFORE TRUNCATE ON entry FOR EACH STATEMENT EXECUTE FUNCTION redact_append_only();
        CREATE TRIGGER disclosure_append_only BEFORE UPDATE OR DELETE ON disclosure FOR EACH ROW EXECUTE FUNCTION redact_append_only();
        CREATE TRIGGER disclosure_no_truncate BEFORE TRUNCATE ON disclosure FOR EACH STATEMENT EXECUTE FUNCTION redact_append_only();
        CREATE TRIGGER redaction_append_only BEFORE UPDATE OR DELETE ON redaction FOR EACH ROW EXECUTE FUNCTION redact_append_only();
        CREATE TRIGGER redaction_no_truncate BEFORE TRUNCATE ON redaction FOR EACH STATEMENT EXECUTE FUNCTION redact_append_only();
        CREATE TRIGGER breach_version_append_only BEFORE UPDATE OR DELETE ON breach_version FOR EACH ROW EXECUTE FUNCTION redact_append_only();
        CREATE TRIGGER breach_version_no_truncate BEFORE TRUNCATE ON breach_version FOR EACH STATEMENT EXECUTE FUNCTION redact_append_only();
        CREATE TRIGGER breach_category_append_only BEFORE UPDATE OR DELETE ON breach_category FOR EACH ROW EXECUTE FUNCTION redact_append_only();
        CREATE TRIGGER breach_category_no_truncate BEFORE TRUNCATE ON breach_category FOR EACH STATEMENT EXECUTE FUNCTION redact_append_only();
        CREATE TRIGGER breach_link_append_only BEFORE UPDATE OR DELETE ON breach_link FOR EACH ROW EXECUTE FUNCTION redact_append_only();
        CREATE TRIGGER breach_link_no_truncate BEFORE TRUNCATE ON breach_link FOR EACH STATEMENT EXECUTE FUNCTION redact_append_only();
        """

    static let v2Profiles = """

        ALTER TABLE disclosure ADD COLUMN profile TEXT COLLATE "C";
        ALTER TABLE disclosure ADD COLUMN profile_version TEXT COLLATE "C";
        ALTER TABLE disclosure ADD COLUMN section14 TEXT COLLATE "C";
        ALTER TABLE disclosure ADD COLUMN basis TEXT COLLATE "C";
        ALTER TABLE redaction ADD COLUMN reason TEXT COLLATE "C";
        """

    static let qaCheck = """

        CREATE TABLE qa_check (
            seq BIGINT PRIMARY KEY REFERENCES entry (seq),
            checked_at TEXT COLLATE "C" NOT NULL,
            unit TEXT COLLATE "C",
            case_ref TEXT COLLATE "C",
            checker TEXT COLLATE "C" NOT NULL,
            result TEXT COLLATE "C" NOT NULL,
            document_name TEXT COLLATE "C" NOT NULL,
            original_sha256 TEXT COLLATE "C" NOT NULL,
            redacted_sha256 TEXT COLLATE "C" NOT NULL,
            disclosure_entry TEXT COLLATE "C",
            spans BIGINT NOT NULL,
            findings_left BIGINT NOT NULL,
            changed_outside BIGINT NOT NULL,
            spans_not_redacted BIGINT NOT NULL,
            manifest_problems BIGINT NOT NULL,
            pack_version TEXT COLLATE "C" NOT NULL,
            tool_version TEXT COLLATE "C" NOT NULL,
            text_scanner TEXT COLLATE "C" NOT NULL,
            text_redactions BIGINT NOT NULL
        );
        CREATE TRIGGER qa_check_append_only BEFORE UPDATE OR DELETE ON qa_check FOR EACH ROW EXECUTE FUNCTION redact_append_only();
        CREATE TRIGGER qa_check_no_truncate BEFORE TRUNCATE ON qa_check FOR EACH STATEMENT EXECUTE FUNCTION redact_append_only();
        """

    /// Outside the chain, like SQLite's: tokens are revoked by an update.
    static let access = """

        CREATE TABLE access_token (
            token_id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
            name TEXT COLLATE "C" NOT NULL UNIQUE,
            role TEXT COLLATE "C" NOT NULL,
            area TEXT COLLATE "C",
            token_sha256 TEXT COLLATE "C" NOT NULL UNIQUE,
            created_at TEXT COLLATE "C" NOT NULL,
            revoked_at TEXT COLLATE "C"
        );
        """

    /// PostgreSQL only (SQLite's packs add theirs to the file, ``PackIndexes``): what the area
    /// performance packs read the national log by (`PostgresPackSource`), measured on a log of 10
    /// million redaction rows (benchmarks/national/packs.md).
    /// - `entry_corrects`: the corrections, which every pack leaves out. Without it finding them
    ///   reads every entry. Partial, so it holds corrections only and costs other appends nothing.
    /// - `redaction_group` on `redaction (category, justification, style, seq)`: a national
    ///   year is about 5 million rows, and joining and hashing them on three text columns takes
    ///   seconds; with each group's rows together in `seq` order, a group's count over a period's
    ///   entries is one index-only range scan. It costs each append one index entry per redaction
    ///   row, and building it on an existing log blocks appends for about a minute per 10 million
    ///   rows (a migration runs in a transaction, so it cannot build concurrently).
    static let packIndexes = """

        CREATE INDEX entry_corrects ON entry (corrects) WHERE corrects IS NOT NULL;
        CREATE INDEX redaction_group ON redaction (category, justification, style, seq);
        """
}
