import Foundation
import GRDB
import RedactTestSupport
import Testing
@testable import RedactLog

/// Migration v2-profiles: the sharing profile, section 14 verdict, basis and keep reasons in the
/// log; held copies as their own entry kind; and older entries still verifying.
@Suite struct ProfileColumnsTests {
    var profiled: LogContext {
        var c = context
        c.recipient = "local-authority"
        c.profile = "local-authority"
        c.profileVersion = "2026.11.1"
        c.section14 = "needs-other-basis"
        c.basis = "Care Act 2014 s.45 request about \(Planted.name)"
        return c
    }

    @Test func theNewColumnsLeaveTheEncodingOfOlderRowsUnchanged() {
        // A v1 row is the new row with the new columns NULL: byte for byte the same encoding.
        let v1Disclosure = Schema.Table(name: "disclosure", columns: Array(Schema.disclosure.columns.prefix(14)), multiRow: false)
        let v1Redaction = Schema.Table(name: "redaction", columns: Array(Schema.redaction.columns.prefix(8)), multiRow: true)
        let d: [LogValue] = (0..<14).map { $0 == 1 || $0 == 7 ? .null : ($0 == 11 || $0 == 13 ? .int(3) : .text("v\($0)")) }
        let r: [LogValue] = [.int(0), .text("nino"), .text("nino.standard"), .int(1), .int(9), .text("label"), .text("privacy"), .null]
        func bytes(_ t: Schema.Table, _ v: [LogValue]) -> [UInt8] {
            let e = CanonicalEncoder()
            e.row(EncodedNames(t), v)
            return e.array
        }
        #expect(bytes(v1Disclosure, d) == bytes(Schema.disclosure, d + [.null, .null, .null, .null]))
        #expect(bytes(v1Redaction, r) == bytes(Schema.redaction, r + [.null]))
        #expect(bytes(Schema.redaction, r + [.text("why")]) != bytes(Schema.redaction, r + [.null]))
    }

    @Test(arguments: Backend.allCases) func entriesWrittenBeforeTheMigrationStillVerify(backend: Backend) throws {
        // A log as the previous binary left it: schema v1 only, one disclosure entry.
        let old = try PreviousVersionLog(backend)
        let content = try EntryBuilder(reference: .builtIn, redactor: testRedactor, now: Date()).disclosure(event())
        let link = EntryLink(seq: 1, prevHash: HashChain.genesis(logID: old.logID))
        let hash = HashChain.hash(link: link, contentBytes: HashChain.contentBytes(content))
        try old.insert("entry", ["seq", "entry_id", "kind", "recorded_at", "area", "corrects", "prev_hash", "hash"],
                       [.int(1)] + content.entry + [.text(link.prevHash), .text(hash)])
        let dCols = Schema.disclosure.columns.prefix(14).map(\.name)
        try old.insert("disclosure", ["seq"] + dCols, [.int(1)] + content.children[Schema.disclosureIndex][0].prefix(14))
        let rCols = Schema.redaction.columns.prefix(8).map(\.name)
        for row in content.children[Schema.redactionIndex] {
            try old.insert("redaction", ["seq"] + rCols, [.int(1)] + row.prefix(8))
        }
        try old.close()

        // The current binary migrates it, verifies it, and appends a profiled entry after it.
        let store = try TestLog(storage: old.storage, clock: nil, redactor: testRedactor)
        #expect(store.logID == old.logID)
        #expect(try store.verify(against: nil).isValid)
        try store.recordDisclosure(event(context: profiled))
        let report = try store.verify(against: nil)
        #expect(report.isValid && report.entries == 2)
        let migrations = try store.column(backend == .sqlite
            ? "SELECT identifier FROM grdb_migrations ORDER BY identifier"
            : "SELECT identifier FROM redact_migration WHERE set_name = 'log' ORDER BY identifier").compactMap(\.text)
        // Every migration ran, this one among them (later ones, and PostgreSQL's own `pg-...`, may follow).
        #expect(migrations.contains("v1") && migrations.contains("v2-profiles"))
    }

    @Test(arguments: Backend.allCases) func theProfileItsVersionTheVerdictAndTheRedactedBasisAreLogged(backend: Backend) throws {
        let store = try backend.makeLog()
        try store.recordDisclosure(event(context: profiled))
        let row = try #require(try store.rows("SELECT profile, profile_version, section14, basis, text_redactions FROM disclosure").first)
        #expect(row["profile"]?.text == "local-authority")
        #expect(row["profile_version"]?.text == "2026.11.1")
        #expect(row["section14"]?.text == "needs-other-basis")
        #expect(row["basis"]?.text == "Care Act 2014 s.45 request about [REDACTED]")
        #expect(row["text_redactions"]?.int == 1)
        // Tampering with a new column is caught like any other.
        try store.allowTampering()
        try store.execute("UPDATE disclosure SET profile = 'charity'")
        #expect(try store.verify(against: nil).problem?.seq == 1)
    }

    @Test(arguments: Backend.allCases) func aDecisionToKeepIsLoggedWithItsCodeAndItsRedactedReason(backend: Backend) throws {
        let store = try backend.makeLog()
        var e = event(redactions: 2)
        e.redactions[1].style = "keep"
        e.redactions[1].justification = "consent"
        e.redactions[1].reason = "\(Planted.name) agreed in writing"
        try store.recordDisclosure(e)
        let rows = try store.rows("SELECT style, justification, reason FROM redaction ORDER BY ordinal")
        #expect(rows[0]["reason"] == .null)
        #expect(rows[1]["style"]?.text == "keep" && rows[1]["justification"]?.text == "consent")
        #expect(rows[1]["reason"]?.text == "[REDACTED] agreed in writing")
    }

    @Test(arguments: Backend.allCases) func aHeldCopyIsItsOwnKindAndSurvivesExportAndImport(backend: Backend) throws {
        let store = try backend.makeLog()
        var e = event(context: profiled)
        e.held = true
        try store.recordDisclosure(e)
        try store.recordDisclosure(event())
        let kinds = try store.column("SELECT kind FROM entry ORDER BY seq")
        #expect(kinds == [.text("hold"), .text("disclosure")])
        let out = MemoryOutput()
        try store.export(format: .jsonl, filter: .init(), to: out)
        let national = try backend.makeLog()
        #expect(try national.importExport(StringInput(out.text, name: "area.jsonl")).added == 2)
        #expect(try national.verify(against: nil).isValid)
        #expect(try national.column("SELECT kind FROM entry ORDER BY seq") == kinds)
    }
}

/// A log as the binary before migration v2-profiles left it: only migration v1 applied (with the
/// same SQL and the same log id row as then), for rows written by hand in the old shape.
private struct PreviousVersionLog {
    let storage: TestLog.Storage
    let logID = UUID().uuidString.lowercased()
    private let sqlite: DatabaseQueue?
    private let postgres: PGConnection?

    init(_ backend: Backend) throws {
        let meta = "INSERT INTO log_meta (key, value) VALUES ('log_id', '\(logID)'), ('created_at', '\(LogTime.format(Date()))'), ('format', 'redact-log/1')"
        switch backend {
        case .sqlite:
            let dir = TempDir()
            storage = .file(dir)
            let queue = try DatabaseQueue(path: dir.path("log.sqlite"))
            var v1 = DatabaseMigrator()
            v1.registerMigration("v1") { db in
                try db.execute(sql: Migrations.v1)
                try db.execute(sql: meta)
            }
            try v1.migrate(queue)
            sqlite = queue
            postgres = nil
        case .postgres:
            let db = try PostgresTestDatabase()
            storage = .database(db)
            let c = try PGConnection(url: db.url)
            let v1 = PostgresMigrations.log.migrations[0]
            try PGMigrator(set: "log", migrations: [PGMigrator.Migration(identifier: v1.identifier, sql: v1.sql) { try $0.query(meta) }])
                .migrate(c)
            sqlite = nil
            postgres = c
        }
    }

    func insert(_ table: String, _ columns: [String], _ values: [LogValue]) throws {
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        if let sqlite {
            try sqlite.write { db in
                try db.execute(sql: sql + "(\(Array(repeating: "?", count: values.count).joined(separator: ", ")))",
                               arguments: StatementArguments(values.map(\.databaseValue)))
            }
        } else if let postgres {
            try postgres.query(sql + "(\((1...values.count).map { "$\($0)" }.joined(separator: ", ")))", values)
        }
    }

    func close() throws {
        try sqlite?.close()
        postgres?.close()
    }
}
