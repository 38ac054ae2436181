/// Version 2 of the schema: the QA second check (issue 6). Additive only: a new STRICT table
/// and its append-only triggers, so every version 1 entry keeps its hash (the canonical
/// encoding hashes only the child tables an entry has rows in).
extension Migrations {
    static let qaCheckSQL = """
        CREATE TABLE qa_check (
            seq INTEGER PRIMARY KEY REFERENCES entry (seq),
            checked_at TEXT NOT NULL,
            unit TEXT,
            case_ref TEXT,
            checker TEXT NOT NULL,
            result TEXT NOT NULL,
            document_name TEXT NOT NULL,
            original_sha256 TEXT NOT NULL,
            redacted_sha256 TEXT NOT NULL,
            disclosure_entry TEXT,
            spans INTEGER NOT NULL,
            findings_left INTEGER NOT NULL,
            changed_outside INTEGER NOT NULL,
            spans_not_redacted INTEGER NOT NULL,
            manifest_problems INTEGER NOT NULL,
            pack_version TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            text_scanner TEXT NOT NULL,
            text_redactions INTEGER NOT NULL
        ) STRICT;

        CREATE TRIGGER qa_check_no_update BEFORE UPDATE ON qa_check BEGIN SELECT RAISE(ABORT, 'the redact log is append-only'); END;
        CREATE TRIGGER qa_check_no_delete BEFORE DELETE ON qa_check BEGIN SELECT RAISE(ABORT, 'the redact log is append-only'); END;
        """
}
