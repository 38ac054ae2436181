import Foundation
import GRDB
import Testing
@testable import RedactLog

@Suite struct SchemaTests {
    @Test func migrationsCreateExactlyTheColumnsTheChainHashes() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        try store.writer.read { db in
            func columns(_ table: String) throws -> [(String, String, Bool)] {
                try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { ($0["name"], $0["type"], $0["notnull"] == 0) }
            }
            let entry = try columns("entry")
            #expect(entry.map(\.0) == SQLiteLogStore.entryColumns)
            for t in Schema.children {
                let cols = try columns(t.name)
                #expect(cols.first?.0 == "seq")
                #expect(cols.dropFirst().map(\.0) == t.columns.map(\.name), "\(t.name)")
                for (c, spec) in zip(cols.dropFirst(), t.columns) {
                    #expect(c.1 == (spec.kind == .integer ? "INTEGER" : "TEXT"), "\(t.name).\(c.0)")
                    #expect(c.2 == spec.nullable, "\(t.name).\(c.0) nullability")
                }
            }
            for (c, spec) in zip(entry.dropFirst(), Schema.entryContent.columns) {
                #expect(c.2 == spec.nullable, "entry.\(c.0)")
            }
            // Every table is STRICT, so stored values keep the type the writer hashed.
            let strict = try Row.fetchAll(db, sql: "PRAGMA table_list").filter { ($0["strict"] as Int?) == 1 }.map { $0["name"] as String }
            for t in ["entry"] + Schema.children.map(\.name) { #expect(strict.contains(t), "\(t)") }
        }
    }

    @Test func reopeningMigratesNothingAndKeepsTheLogID() throws {
        let dir = TempDir()
        let id = try makeStore(dir).logID
        #expect(Validation.isUUID(id))
        #expect(try makeStore(dir).logID == id)
        #expect(try SQLiteLogStore(path: dir.path("log.sqlite"), options: .init(readOnly: true)).logID == id)
    }

    @Test func aLogFromANewerVersionIsRefused() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        try store.tamper("INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        let e = #expect(throws: LogError.self) { try makeStore(dir) }
        #expect(e?.kind == .unsupportedSchema)
    }

    @Test func theTablesRefuseUpdatesAndDeletes() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        try store.recordDisclosure(event())
        for sql in ["UPDATE entry SET area = 'cps-wales'", "DELETE FROM entry", "UPDATE redaction SET style = 'x'",
                    "DELETE FROM redaction", "DELETE FROM disclosure", "UPDATE log_meta SET value = 'x'"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try store.tamper(sql) }
        }
        #expect(try store.verify(against: nil).isValid)
    }

    @Test func aFileThatIsNotALogIsRefusedClearly() throws {
        let dir = TempDir()
        try Data("this is not a database, just text".utf8).write(to: URL(fileURLWithPath: dir.path("x.sqlite")))
        let e = #expect(throws: LogError.self) { try SQLiteLogStore(path: dir.path("x.sqlite")) }
        #expect(e?.kind == .storage)
        let e2 = #expect(throws: LogError.self) { try SQLiteLogStore(path: dir.path("none.sqlite"), options: .init(readOnly: true)) }
        #expect(e2?.kind == .notFound)
    }
}
