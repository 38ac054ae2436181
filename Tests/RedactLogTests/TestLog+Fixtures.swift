import Foundation
@testable import RedactLog

/// What tests do to a log besides using it: lift its append-only guard, look at its migrations,
/// fill every table.
extension TestLog {
    /// Lifts the append-only guard, as a deliberate tamperer with the owner's rights would before
    /// editing history: SQLite drops every trigger and stops checking foreign keys; PostgreSQL
    /// disables every trigger of the log's chained tables (foreign-key triggers included).
    func allowTampering() throws {
        switch backend {
        case .sqlite:
            let triggers = try column("SELECT name FROM sqlite_master WHERE type = 'trigger'").compactMap(\.text)
            try execute("PRAGMA foreign_keys = OFF")
            for t in triggers { try execute("DROP TRIGGER \(t)") }
        case .postgres:
            for t in ["log_meta", "entry"] + Schema.children.map(\.name) {
                try execute("ALTER TABLE \(t) DISABLE TRIGGER ALL")
            }
        }
    }

    /// The identifiers of the log's migrations applied so far, in the order they were applied.
    func appliedMigrations() throws -> [String] {
        try column(backend == .sqlite
            ? "SELECT identifier FROM grdb_migrations ORDER BY rowid"
            : "SELECT identifier FROM redact_migration WHERE set_name = 'log' ORDER BY applied_at, identifier").compactMap(\.text)
    }

    /// One entry of each kind, so that every chained table holds a row: a disclosure (disclosure,
    /// redaction), a breach linked to it (breach_version, breach_category, breach_link) and a QA
    /// check (qa_check).
    func recordEveryKindOfRow() throws {
        let disclosure = try store.recordDisclosure(event(redactions: 2))
        try store.recordBreach(BreachRecord(stage: .breach, type: "wrong-recipient-email", severity: "severe", area: "cps-wessex",
                                            becameAwareAt: Date().addingTimeInterval(-3600), dataCategories: [.init("nhs_number")],
                                            linkedEntries: [disclosure.entryID], recordedBy: "op.1"))
        try store.recordQACheck(QACheckRecord(area: "cps-wessex", checker: "op.2", documentName: "mg11.txt",
                                              originalSHA256: zeroHash, redactedSHA256: oneHash, result: .pass, spans: 2,
                                              packVersion: "uk-1.0.0", toolVersion: "0.1.0"))
    }

    /// Records a migration this binary does not know, as a newer redact would have.
    func recordMigrationFromTheFuture() throws {
        switch backend {
        case .sqlite: try execute("INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        case .postgres:
            try execute("""
                INSERT INTO redact_migration (set_name, identifier, applied_at)
                VALUES ('log', 'v99-from-the-future', '2099-01-01T00:00:00.000Z')
                """)
        }
    }
}
