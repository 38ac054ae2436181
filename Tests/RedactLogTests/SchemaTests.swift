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

    @Test(arguments: Backend.allCases) func reopeningMigratesNothingAndKeepsTheLogID(backend: Backend) throws {
        let log = try backend.makeLog()
        let id = log.logID
        #expect(Validation.isUUID(id))
        let migrations = try log.appliedMigrations()
        #expect(try log.reopen().logID == id)
        #expect(try log.reopen(readOnly: true).logID == id)
        #expect(try log.appliedMigrations() == migrations)
    }

    @Test(arguments: Backend.allCases) func aLogFromANewerVersionIsRefused(backend: Backend) throws {
        let log = try backend.makeLog()
        try log.recordMigrationFromTheFuture()
        let e = #expect(throws: LogError.self) { try log.reopen() }
        #expect(e?.kind == .unsupportedSchema)
        let readOnly = #expect(throws: LogError.self) { try log.reopen(readOnly: true) }
        #expect(readOnly?.kind == .unsupportedSchema)
    }

    /// Every chained table, holding a row, refuses UPDATE and DELETE (the triggers fire per row, so
    /// the log holds a disclosure, a breach with its categories and link, and a QA check).
    @Test(arguments: Backend.allCases) func theTablesRefuseUpdatesAndDeletes(backend: Backend) throws {
        let store = try backend.makeLog()
        try store.recordEveryKindOfRow()
        let counts = try Self.tables.map { try store.count($0) }
        #expect(!counts.contains(0))
        for t in Self.tables {
            let column = t == "log_meta" ? "value" : "seq"
            #expect(try store.refusal("UPDATE \(t) SET \(column) = \(column)") == "the redact log is append-only", "\(t)")
            #expect(try store.refusal("DELETE FROM \(t)") == "the redact log is append-only", "\(t)")
        }
        #expect(try Self.tables.map { try store.count($0) } == counts)
        #expect(try store.verify(against: nil).isValid)
    }

    /// The tables that hold history: the log's id and every chained table.
    static let tables = ["log_meta", "entry"] + Schema.children.map(\.name)

    @Test func aFileThatIsNotALogIsRefusedClearly() throws {
        let dir = TempDir()
        try Data("this is not a database, just text".utf8).write(to: URL(fileURLWithPath: dir.path("x.sqlite")))
        let e = #expect(throws: LogError.self) { try SQLiteLogStore(path: dir.path("x.sqlite")) }
        #expect(e?.kind == .storage)
        let e2 = #expect(throws: LogError.self) { try SQLiteLogStore(path: dir.path("none.sqlite"), options: .init(readOnly: true)) }
        #expect(e2?.kind == .notFound)
    }
}
