import Foundation
import GRDB
import PostgresNIO
import RedactTestSupport
import Testing
@testable import RedactLog

/// The implementations of ``LogStore`` that every test of the log's behaviour runs against, as
/// ripgrep runs each test with every regex engine: `@Test(arguments: Backend.allCases)`.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// Both, unless the PostgreSQL tests were switched off on purpose (`REDACT_TEST_PG=skip`).
    static var allCases: [Backend] { PostgresTestDatabase.skipped ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }

    /// A new, empty log of this kind (a file in a temporary directory, or a throwaway database).
    func makeLog(clock: TestClock? = nil, redactor: (any FreeTextRedactor)? = testRedactor,
                 postgresBatchSize: Int? = nil) throws -> TestLog {
        switch self {
        case .sqlite: try TestLog(storage: .file(TempDir()), clock: clock, redactor: redactor)
        case .postgres: try TestLog(storage: .database(try PostgresTestDatabase()), clock: clock, redactor: redactor,
                                    postgresBatchSize: postgresBatchSize)
        }
    }
}

/// One test's log: its store, what keeps its storage alive, and raw SQL on it, for reading rows
/// back and for tampering as someone with the owner's rights would (SQLite through GRDB on the
/// store's writer connection, PostgreSQL through the store's pool).
final class TestLog: @unchecked Sendable {
    enum Storage {
        case file(TempDir)
        case database(PostgresTestDatabase)
    }

    let storage: Storage
    let store: any LogStore
    let clock: TestClock?
    let postgresBatchSize: Int?

    var backend: Backend {
        if case .file = storage { return .sqlite }
        return .postgres
    }

    init(storage: Storage, clock: TestClock?, redactor: (any FreeTextRedactor)?, postgresBatchSize: Int? = nil) throws {
        self.storage = storage
        self.clock = clock
        self.postgresBatchSize = postgresBatchSize
        store = try Self.open(storage, readOnly: false, clock: clock, redactor: redactor, batchSize: postgresBatchSize)
    }

    deinit { (store as? PostgresLogStore)?.close() }

    /// What `--log` takes for this log: the file's path, or the database's URL (password included,
    /// for handing to a child process).
    var location: String {
        switch storage {
        case .file(let dir): dir.path("log.sqlite")
        case .database(let db): db.url.secretURL
        }
    }

    /// The database's URL (PostgreSQL only).
    var postgresURL: PostgresURL? {
        if case .database(let db) = storage { return db.url }
        return nil
    }

    /// Another store on the same log (a second process's view of it).
    func reopen(readOnly: Bool = false, redactor: (any FreeTextRedactor)? = testRedactor) throws -> any LogStore {
        try Self.open(storage, readOnly: readOnly, clock: clock, redactor: redactor, batchSize: postgresBatchSize)
    }

    private static func open(_ storage: Storage, readOnly: Bool, clock: TestClock?, redactor: (any FreeTextRedactor)?,
                             batchSize: Int?) throws -> any LogStore {
        var now: @Sendable () -> Date = { Date() }
        if let clock { now = { clock.get() } }
        switch storage {
        case .file(let dir):
            return try SQLiteLogStore(path: dir.path("log.sqlite"), redactor: redactor,
                                      options: .init(readOnly: readOnly, clock: now))
        case .database(let db):
            var options = PostgresLogStore.Options(readOnly: readOnly, clock: now)
            if let batchSize { options.readBatchSize = batchSize }
            return try PostgresLogStore(url: db.url, redactor: redactor, options: options)
        }
    }

    // MARK: - Raw SQL

    /// Runs SQL that changes nothing through the log's API (several statements allowed).
    func execute(_ sql: String) throws {
        switch store {
        case let s as SQLiteLogStore: try s.writer.writeWithoutTransaction { try $0.execute(sql: sql) }
        case let s as PostgresLogStore: try s.pool.withConnection { try $0.execute(script: sql) }
        default: preconditionFailure("unknown store")
        }
    }

    /// Every row of a query, by column name.
    func rows(_ sql: String) throws -> [[String: LogValue]] {
        switch store {
        case let s as SQLiteLogStore:
            return try s.writer.read { db in
                try Row.fetchAll(db, sql: sql).map { row in
                    var out: [String: LogValue] = [:]
                    for (name, value) in row { out[name] = try LogValue(value) }
                    return out
                }
            }
        case let s as PostgresLogStore:
            return try s.pool.withConnection { c in
                try c.query(sql).map { row in
                    var out: [String: LogValue] = [:]
                    for cell in row { out[cell.columnName] = try Self.value(cell) }
                    return out
                }
            }
        default: preconditionFailure("unknown store")
        }
    }

    /// The first column of each row.
    func column(_ sql: String) throws -> [LogValue] {
        switch store {
        case let s as SQLiteLogStore:
            return try s.writer.read { db in try Row.fetchAll(db, sql: sql).map { try LogValue($0[0] as DatabaseValue) } }
        case let s as PostgresLogStore:
            return try s.pool.withConnection { c in try c.query(sql).map { try Self.value($0.makeRandomAccess()[0]) } }
        default: preconditionFailure("unknown store")
        }
    }

    func count(_ table: String) throws -> Int64 {
        try column("SELECT COUNT(*) FROM \(table)").first?.int ?? -1
    }

    /// A cell as the log's value type: integers (and booleans, as 0 or 1), text, or NULL.
    private static func value(_ cell: PostgresCell) throws -> LogValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .int(try cell.decode(Int64.self))
        case .bool: return .int(try cell.decode(Bool.self) ? 1 : 0)
        default: return .text(try cell.decode(String.self))
        }
    }

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

    /// Runs `sql` and returns the message the database refused it with (SQLite's, or PostgreSQL's
    /// short message); nil if it ran.
    func refusal(_ sql: String) throws -> String? {
        do {
            try execute(sql)
            return nil
        } catch let e as DatabaseError {
            return e.message
        } catch {
            guard let message = PGError.serverMessage(error) else { throw error }
            return message
        }
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
