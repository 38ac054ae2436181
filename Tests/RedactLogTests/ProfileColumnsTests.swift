import Foundation
import GRDB
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

    @Test func entriesWrittenBeforeTheMigrationStillVerify() throws {
        let dir = TempDir()
        let path = dir.path("log.sqlite")
        // A log as the previous binary left it: schema v1 only, one disclosure entry.
        let logID = UUID().uuidString.lowercased()
        do {
            let queue = try DatabaseQueue(path: path)
            var v1 = DatabaseMigrator()
            v1.registerMigration("v1") { db in
                try db.execute(sql: Migrations.v1)
                try db.execute(sql: "INSERT INTO log_meta (key, value) VALUES ('log_id', ?), ('created_at', ?), ('format', 'redact-log/1')",
                               arguments: [logID, LogTime.format(Date())])
            }
            try v1.migrate(queue)
            let content = try EntryBuilder(reference: .builtIn, redactor: testRedactor, now: Date()).disclosure(event())
            let link = EntryLink(seq: 1, prevHash: HashChain.genesis(logID: logID))
            let hash = HashChain.hash(link: link, contentBytes: HashChain.contentBytes(content))
            func sql(_ v: LogValue) -> (any DatabaseValueConvertible)? {
                switch v { case .null: nil; case .int(let n): n; case .text(let s): s }
            }
            try queue.write { db in
                try db.execute(sql: "INSERT INTO entry (seq, entry_id, kind, recorded_at, area, corrects, prev_hash, hash) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
                               arguments: StatementArguments(content.entry.map(sql) + [link.prevHash, hash]))
                let d = Array(content.children[Schema.disclosureIndex][0].prefix(14))
                let dCols = Schema.disclosure.columns.prefix(14).map(\.name)
                try db.execute(sql: "INSERT INTO disclosure (seq, \(dCols.joined(separator: ", "))) VALUES (1\(String(repeating: ", ?", count: 14)))",
                               arguments: StatementArguments(d.map(sql)))
                for row in content.children[Schema.redactionIndex] {
                    let rCols = Schema.redaction.columns.prefix(8).map(\.name)
                    try db.execute(sql: "INSERT INTO redaction (seq, \(rCols.joined(separator: ", "))) VALUES (1\(String(repeating: ", ?", count: 8)))",
                                   arguments: StatementArguments(row.prefix(8).map(sql)))
                }
            }
            try queue.close()
        }
        // The current binary migrates it, verifies it, and appends a profiled entry after it.
        let store = try makeStore(dir)
        #expect(store.logID == logID)
        #expect(try store.verify(against: nil).isValid)
        try store.recordDisclosure(event(context: profiled))
        let report = try store.verify(against: nil)
        #expect(report.isValid && report.entries == 2)
        let migrations = try store.writer.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        // Every migration ran, this one among them (later ones may follow).
        #expect(migrations.first == "v1" && migrations.contains("v2-profiles"))
    }

    @Test func theProfileItsVersionTheVerdictAndTheRedactedBasisAreLogged() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        try store.recordDisclosure(event(context: profiled))
        let row = try store.writer.read { try Row.fetchOne($0, sql: "SELECT profile, profile_version, section14, basis, text_redactions FROM disclosure")! }
        #expect(row["profile"] as String? == "local-authority")
        #expect(row["profile_version"] as String? == "2026.11.1")
        #expect(row["section14"] as String? == "needs-other-basis")
        #expect(row["basis"] as String? == "Care Act 2014 s.45 request about [REDACTED]")
        #expect(row["text_redactions"] as Int? == 1)
        // Tampering with a new column is caught like any other.
        try store.tamper("DROP TRIGGER disclosure_no_update")
        try store.tamper("UPDATE disclosure SET profile = 'charity'")
        #expect(try !store.verify(against: nil).isValid)
    }

    @Test func aDecisionToKeepIsLoggedWithItsCodeAndItsRedactedReason() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        var e = event(redactions: 2)
        e.redactions[1].style = "keep"
        e.redactions[1].justification = "consent"
        e.redactions[1].reason = "\(Planted.name) agreed in writing"
        try store.recordDisclosure(e)
        let rows = try store.writer.read { try Row.fetchAll($0, sql: "SELECT style, justification, reason FROM redaction ORDER BY ordinal") }
        #expect(rows[0]["reason"] as String? == nil)
        #expect(rows[1]["style"] as String? == "keep" && rows[1]["justification"] as String? == "consent")
        #expect(rows[1]["reason"] as String? == "[REDACTED] agreed in writing")
    }

    @Test func aHeldCopyIsItsOwnKindAndSurvivesExportAndImport() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        var e = event(context: profiled)
        e.held = true
        try store.recordDisclosure(e)
        try store.recordDisclosure(event())
        let kinds = try store.writer.read { try String.fetchAll($0, sql: "SELECT kind FROM entry ORDER BY seq") }
        #expect(kinds == ["hold", "disclosure"])
        let out = MemoryOutput()
        try store.export(format: .jsonl, filter: .init(), to: out)
        let national = try makeStore(dir, "national.sqlite")
        #expect(try national.importExport(StringInput(out.text, name: "area.jsonl")).added == 2)
        #expect(try national.verify(against: nil).isValid)
        #expect(try national.writer.read { try String.fetchAll($0, sql: "SELECT kind FROM entry ORDER BY seq") } == ["hold", "disclosure"])
    }
}
